package io.catalyst.plugins.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;

/**
 * A trained, calibrated model for one segment, a logistic regression or a tree ensemble: scores a lead 0-100 as its
 * chance in percent of converting within the horizon, with the factors that moved it. The logistic regression's
 * reasons are exact ({@link Contributions}); an ensemble's come by occlusion ({@link Occlusion}), in the same shape.
 * Immutable and safe to share between threads.
 */
public final class MlModel {

    /** A reason smaller than this many points would read "(+0)": noise to a salesperson. */
    static final double MIN_EFFECT = 0.5;
    private static final int REASONS_PER_SIDE = 3;
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=100;java.**;org.tribuo.**;com.oracle.labs.mlrg.olcut.**;" + MlModel.class.getPackageName()
                    + ".*;!*");

    private final Model<Label> model;
    private final Map<String, Double> means;
    private final Calibration calibration;
    private final ModelCard card;
    /** For a linear model; null for an ensemble... */
    private final Contributions contributions;
    /** ...which has this instead. */
    private final Occlusion occlusion;
    private final String[] labels;

    /**
     * @param means each Tribuo feature's mean value over the training rows: the average lead that reasons are
     *              measured against
     */
    MlModel(Model<Label> model, Map<String, Double> means, Calibration calibration, ModelCard card) {
        this.model = model;
        this.means = Map.copyOf(means);
        this.calibration = calibration;
        this.card = card;
        boolean linear = model instanceof AbstractLinearSGDModel<?>;
        this.contributions = linear ? new Contributions(model, this.means, card.features(), calibration) : null;
        this.occlusion = linear ? null : new Occlusion(model, this.means, card.features());
        this.labels = card.features().stream().map(Features::label).toArray(String[]::new);
    }

    /** The registry entry: version, data fingerprint, provenance, evaluation, factors. */
    public ModelCard card() {
        return card;
    }

    public String version() {
        return card.version();
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The Tribuo model inside, e.g. to benchmark its own {@code predict}. */
    public Model<Label> tribuoModel() {
        return model;
    }

    /** The lead as the Tribuo model sees it (without an outcome). */
    public Example<Label> example(LeadFacts lead) {
        return Contributions.example(lead, card.features(), LabelFactory.UNKNOWN_LABEL);
    }

    /** The calibrated chance (0 to 1) of converting, without reasons. */
    public double probability(LeadFacts lead) {
        return calibration.probability(logit(lead));
    }

    /** Whether this is a linear model, whose reasons are exact, rather than an ensemble's by occlusion. */
    public boolean linear() {
        return contributions != null;
    }

    /**
     * The lead's score: points = round(100 × calibrated probability), and as reasons up to three features that
     * raised it and three that lowered it, strongest first. A feature's effect is how many points the score would
     * lose (or gain) if that feature were at the average training lead's contribution instead of this lead's; for
     * an ensemble, at the training leads' mix of values (see {@link Occlusion}).
     */
    public Score score(LeadFacts lead) {
        int n = labels.length;
        double[] effect = new double[n];
        String[] shown = new String[n];
        double p = contributions != null ? linearEffects(lead, effect, shown)
                : occlusion.effects(lead, calibration, effect, shown);
        // the features that move the score enough, strongest first (insertion sort: there are at most nine)
        int[] order = new int[n];
        int candidates = 0;
        for (int s = 0; s < n; s++) {
            double size = Math.abs(effect[s]);
            if (size >= MIN_EFFECT) {
                int at = candidates++;
                while (at > 0 && Math.abs(effect[order[at - 1]]) < size) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = s;
            }
        }
        Reason[] reasons = new Reason[Math.min(candidates, 2 * REASONS_PER_SIDE)];
        int kept = 0, positives = 0, negatives = 0;
        for (int i = 0; i < candidates && kept < reasons.length; i++) {
            int s = order[i];
            if (effect[s] > 0 ? positives++ < REASONS_PER_SIDE : negatives++ < REASONS_PER_SIDE) {
                String value = shown[s] != null ? shown[s] : Features.display(contributions.feature(s), lead);
                reasons[kept++] = new Reason(card.features().get(s), labels[s], value, effect[s]);
            }
        }
        List<Reason> list = List.of(kept == reasons.length ? reasons : Arrays.copyOf(reasons, kept));
        return new Score((int) Math.round(100 * p), p, card.version(), list);
    }

    /** The linear model's effects in points, from its per-feature tables; returns the calibrated probability. */
    private double linearEffects(LeadFacts lead, double[] effect, String[] shown) {
        double logit = contributions.factors(lead, effect, shown);
        // as Calibration.probability, keeping exp(-z) for the effects
        double e = Math.exp(-(calibration.a() * logit + calibration.b()));
        double p = 1 / (1 + e);
        for (int s = 0; s < effect.length; s++) {
            effect[s] = 100 * (p - 1 / (1 + e * effect[s]));
        }
        return p;
    }

    /** The raw log-odds, before calibration (for fitting the calibration). */
    double logit(LeadFacts lead) {
        return contributions != null ? contributions.logit(lead) : occlusion.logit(lead);
    }

    /** The linear model's tables; null for an ensemble. */
    Contributions contributions() {
        return contributions;
    }

    Occlusion occlusion() {
        return occlusion;
    }

    /** A stable form for a bytea column: Java serialisation of the Tribuo model, the calibration and the card. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Stored(Stored.FORMAT, model, means, calibration, card));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise model " + card.version(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #toBytes()}. Only JDK, Tribuo, OLCUT and this package's classes may be deserialised, so a
     * tampered row cannot instantiate arbitrary gadgets.
     */
    public static MlModel fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            if (!(in.readObject() instanceof Stored stored) || stored.format() != Stored.FORMAT) {
                throw new IllegalArgumentException("not a stored scoring model of format " + Stored.FORMAT);
            }
            return new MlModel(stored.model(), stored.means(), stored.calibration(), stored.card());
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException("refused to read a stored model: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read a stored model: " + e, e);
        }
    }

    private record Stored(int format, Model<Label> model, Map<String, Double> means, Calibration calibration,
                          ModelCard card) implements Serializable {
        static final int FORMAT = 1;
    }
}
