package io.catalyst.plugins.scoring.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.EnsembleModelProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains, evaluates and compares {@link MlModel}s, and says when there is enough data to train one. */
public final class Training {

    /** Tribuo's bagging logs a line per tree; fifty lines a training run say nothing an operator needs. */
    private static final java.util.logging.Logger BAGGING_LOG = quiet("org.tribuo.ensemble.BaggingTrainer");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.WARNING);
        return log; // held in a field: an unreferenced logger forgets its level
    }

    /** A challenger must beat the champion's AUC by this much... */
    static final double MIN_AUC_GAIN = 0.005;
    /** ...and may not lose more than this on the Brier score. */
    static final double MAX_BRIER_LOSS = 0.005;
    /**
     * The tree ensemble is deployed instead of the logistic regression only if its held-out AUC is higher by this
     * much: below it the gain is within the noise of a thousand held-out leads, and the linear model's reasons are
     * exact where the ensemble's are approximations.
     */
    static final double ENSEMBLE_MIN_GAIN = 0.01;
    /**
     * The forest: enough trees for smooth probabilities, small enough to train a few thousand leads in under a
     * second. Shallow trees with large leaves did as well as deeper ones on held-out leads and overfit less.
     */
    static final int TREES = 50;
    static final int TREE_DEPTH = 6;
    /** Leaves of fewer leads than this give noisy probabilities (and noisy reasons). */
    static final float MIN_LEAF_LEADS = 50;
    /** Of the features, the share each split may choose from: what makes the trees of a forest differ. */
    static final float SPLIT_FEATURE_SHARE = 0.5f;
    /** Rows an ensemble's top factors are averaged over: occlusion costs some 40 predictions a row. */
    private static final int FACTOR_ROWS = 500;
    private static final int TOP_FACTORS = 8;

    private Training() {
    }

    /**
     * @param minLeads         leads needed in the window (Salesforce Einstein's threshold: 1,000)
     * @param minConversions   conversions needed in the window (Einstein: 120)
     * @param windowDays       the window, in days before now (Einstein: 200)
     * @param horizonDays      the horizon a conversion is counted within, which the score's percent refers to;
     *                         labelling the rows by it is the caller's part
     * @param seed             fixes the split and Tribuo's SGD order, so the same data gives the same model
     * @param epochs           passes of SGD over the training part
     * @param learningRate     AdaGrad's initial learning rate
     * @param heldOutShare     of each class, held out for evaluation
     * @param calibrationShare of the rest, kept apart for fitting the calibration
     */
    public record Settings(int minLeads, int minConversions, int windowDays, int horizonDays, long seed, int epochs,
                           double learningRate, double heldOutShare, double calibrationShare) {

        public Settings {
            if (epochs < 1 || learningRate <= 0 || heldOutShare <= 0 || heldOutShare >= 1 || calibrationShare <= 0
                    || calibrationShare >= 1 || windowDays < 1 || horizonDays < 1) {
                throw new IllegalArgumentException("invalid training settings: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(1_000, 120, 200, 90);
        }

        /** The given data thresholds with the default training: seed 42, 10 epochs, learning rate 0.1, 20%/25%. */
        public Settings(int minLeads, int minConversions, int windowDays, int horizonDays) {
            this(minLeads, minConversions, windowDays, horizonDays, 42L, 10, 0.1, 0.2, 0.25);
        }

        public Settings withSeed(long seed) {
            return new Settings(minLeads, minConversions, windowDays, horizonDays, seed, epochs, learningRate,
                    heldOutShare, calibrationShare);
        }
    }

    /** The stratified, seeded split of {@link #train}: SGD fit, calibration, held-out evaluation. */
    public record Split(List<TrainingRow> fit, List<TrainingRow> calibration, List<TrainingRow> heldOut) {
    }

    /** Whether there is enough data, with the counts and a sentence for people. */
    public record Readiness(boolean enough, int leads, int conversions, String reason) {
    }

    /**
     * The verdict of a champion/challenger comparison on the same rows, with both evaluations and a sentence.
     * Against the points model only the AUCs count: its points are no probability, so its Brier score means nothing.
     */
    public record Comparison(boolean challengerWins, Evaluation champion, Evaluation challenger, String words) {
    }

    /** A trained model and the split it came from; compare challengers on {@link #heldOut()}. */
    public record Trained(MlModel model, Split split) {

        public ModelCard card() {
            return model.card();
        }

        public List<TrainingRow> heldOut() {
            return split.heldOut();
        }
    }

    /** As {@link #train(String, String, List, Set, Settings)}, versioned {@code ml-<segment>-<fingerprint prefix>}. */
    public static Trained train(String segment, List<TrainingRow> rows, Set<String> excluded, Settings settings) {
        return train(segment, "ml-" + segment + "-" + fingerprint(rows, excluded).substring(0, 12), rows, excluded,
                settings);
    }

    /**
     * Fits a logistic regression and a random forest on the training part of a stratified split, calibrates both on
     * the calibration slice and evaluates both on the held-out rows; the forest is deployed only if its AUC is higher
     * by {@value #ENSEMBLE_MIN_GAIN}. The card records the comparison, and the training leads' distribution to
     * measure {@link Drift} against.
     *
     * @param excluded feature keys neither trained on nor given as reasons
     */
    public static Trained train(String segment, String version, List<TrainingRow> rows, Set<String> excluded,
                                Settings settings) {
        long started = System.nanoTime();
        Set<String> left = Features.checkKeys(excluded);
        List<String> keys = Features.KEYS.stream().filter(k -> !left.contains(k)).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("every feature is excluded: nothing to train on");
        }
        Split split = split(rows, settings);
        for (List<TrainingRow> part : List.of(split.fit(), split.calibration(), split.heldOut())) {
            long positives = part.stream().filter(TrainingRow::converted).count();
            if (positives == 0 || positives == part.size()) {
                throw new IllegalArgumentException("too few rows of each outcome to train: " + rows.size()
                        + " rows, " + rows.stream().filter(TrainingRow::converted).count() + " converted");
            }
        }

        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("Catalyst leads of segment " + segment, labels), labels);
        for (TrainingRow row : split.fit()) {
            data.add(Contributions.example(row.facts(), keys,
                    row.converted() ? Contributions.CONVERTED : Contributions.NOT));
        }
        Map<String, double[]> moments = moments(data);
        Map<String, Double> means = new HashMap<>();
        moments.forEach((name, m) -> means.put(name, m[0]));

        AdaGrad optimiser = new AdaGrad(settings.learningRate());
        // a fresh trainer per run: Tribuo's trainer advances its RNG with every call to train
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, settings.epochs(),
                Integer.MAX_VALUE, 1, settings.seed());
        Model<Label> model = trainer.train(data);

        String fingerprint = fingerprint(rows, left);
        Candidate linear = calibrate(model, trainer.toString(), means, keys, split);
        // a fresh trainer per run here too, for the same reason
        RandomForestTrainer<Label> forestTrainer = forestTrainer(settings.seed());
        Candidate forest = calibrate(forestTrainer.train(data), forestTrainer.toString(), means, keys, split);
        boolean ensemble = forest.evaluation().auc() >= linear.evaluation().auc() + ENSEMBLE_MIN_GAIN;
        Candidate chosen = ensemble ? forest : linear;

        Map<String, String> hyper = new HashMap<>(Map.of("seed", String.valueOf(settings.seed()),
                "heldOutShare", String.valueOf(settings.heldOutShare()),
                "calibrationShare", String.valueOf(settings.calibrationShare()),
                "calibration", "Platt scaling", "horizonDays", String.valueOf(settings.horizonDays())));
        if (ensemble) {
            hyper.putAll(Map.of("model", "random forest of CART trees", "trees", String.valueOf(TREES),
                    "maxDepth", String.valueOf(TREE_DEPTH), "minChildWeight", String.valueOf(MIN_LEAF_LEADS),
                    "splitFeatureShare", String.valueOf(SPLIT_FEATURE_SHARE),
                    "combiner", "FullyWeightedVotingCombiner", "reasons", "occlusion against the training mix"));
        } else {
            hyper.putAll(Map.of("objective", "LogMulticlass (logistic regression)",
                    "optimiser", optimiser.toString(), "epochs", String.valueOf(settings.epochs()),
                    "minibatchSize", "1"));
        }
        List<Factor> factors = ensemble
                ? occlusionFactors(forest.raw(), keys, spread(split.calibration(), FACTOR_ROWS))
                : topFactors(linear.raw().contributions(), keys, moments, split.fit().size());
        Drift.Reference reference = Drift.Reference.of(rows.stream().map(TrainingRow::facts).toList(), keys);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        ModelCard card = new ModelCard(version, segment, chosen.trainer(), hyper,
                provenanceJson(chosen.model()), Instant.now(), millis, fingerprint,
                chosen.evaluation(), keys, left, factors, chosen.calibration(),
                choice(linear.evaluation(), forest.evaluation(), ensemble), reference);
        return new Trained(new MlModel(chosen.model(), means, chosen.calibration(), card), split);
    }

    /** A trained model with its calibration and its evaluation on the held-out rows; raw is the model uncalibrated. */
    private record Candidate(Model<Label> model, String trainer, MlModel raw, Calibration calibration,
                             Evaluation evaluation) {
    }

    /** Fits the model's Platt scaling on the calibration slice and evaluates it on the held-out rows. */
    private static Candidate calibrate(Model<Label> model, String trainer, Map<String, Double> means,
                                       List<String> keys, Split split) {
        // the uncalibrated model, to compute the calibration slice's log-odds
        ModelCard draft = new ModelCard("draft", "draft", trainer, Map.of(), "[]", Instant.EPOCH, 0, "", null, keys,
                Set.of(), List.of(), Calibration.IDENTITY, null, null);
        MlModel raw = new MlModel(model, means, Calibration.IDENTITY, draft);
        Calibration calibration = Calibration.fit(
                split.calibration().stream().mapToDouble(r -> raw.logit(r.facts())).toArray(),
                outcomes(split.calibration()));
        Evaluation evaluation = evaluate(new MlModel(model, means, calibration, draft), split.heldOut());
        return new Candidate(model, trainer, raw, calibration, evaluation);
    }

    /**
     * Tribuo's provenance as JSON; an ensemble's without its members', which repeat the trainer's and the data's
     * once per tree (some 350 kB for 50 trees).
     */
    private static String provenanceJson(Model<Label> model) {
        ModelProvenance p = model.getProvenance();
        if (p instanceof EnsembleModelProvenance e) {
            p = new ModelProvenance(e.getClassName(), e.getTrainingTime(), e.getDatasetProvenance(),
                    e.getTrainerProvenance());
        }
        return ProvenanceJson.of(p);
    }

    /** Bagged CART trees, each split choosing among a random part of the features; seeded. */
    private static RandomForestTrainer<Label> forestTrainer(long seed) {
        CARTClassificationTrainer cart = new CARTClassificationTrainer(TREE_DEPTH, MIN_LEAF_LEADS, 0f,
                SPLIT_FEATURE_SHARE, false, new GiniIndex(), seed);
        return new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), TREES, seed);
    }

    private static ModelCard.Choice choice(Evaluation linear, Evaluation forest, boolean ensemble) {
        String words = ensemble
                ? String.format(Locale.ENGLISH, "The tree ensemble is used: it ranked the held-out leads better than"
                        + " the logistic regression (AUC %.3f against %.3f), by at least the %.2f required. Its reasons"
                        + " are estimated: how far the score moves when each fact is set aside.", forest.auc(),
                        linear.auc(), ENSEMBLE_MIN_GAIN)
                : String.format(Locale.ENGLISH, "The logistic regression is used: the tree ensemble did not rank the"
                        + " held-out leads better by %.2f (AUC %.3f against %.3f for the logistic regression), and"
                        + " the simpler model's reasons are exact.", ENSEMBLE_MIN_GAIN, forest.auc(), linear.auc());
        return new ModelCard.Choice(ensemble ? ModelCard.Choice.ENSEMBLE : ModelCard.Choice.LOGISTIC, linear.auc(),
                forest.auc(), words);
    }

    /** Up to {@code max} rows spread evenly over the list (a slice is ordered by outcome, so not its head). */
    private static List<TrainingRow> spread(List<TrainingRow> rows, int max) {
        if (rows.size() <= max) {
            return rows;
        }
        List<TrainingRow> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(rows.get((int) ((long) i * rows.size() / max)));
        }
        return out;
    }

    /** Stratified by outcome and seeded; rows are first put in lead-id order, so their incoming order does not matter. */
    public static Split split(List<TrainingRow> rows, Settings settings) {
        List<TrainingRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((TrainingRow r) -> r.facts().id()).thenComparing(TrainingRow::converted));
        List<TrainingRow> fit = new ArrayList<>(), calibration = new ArrayList<>(), heldOut = new ArrayList<>();
        Random random = new Random(settings.seed());
        for (boolean outcome : new boolean[] {true, false}) {
            List<TrainingRow> group = new ArrayList<>(sorted.stream().filter(r -> r.converted() == outcome).toList());
            Collections.shuffle(group, random);
            int held = (int) Math.round(group.size() * settings.heldOutShare());
            int cal = (int) Math.round((group.size() - held) * settings.calibrationShare());
            heldOut.addAll(group.subList(0, held));
            calibration.addAll(group.subList(held, held + cal));
            fit.addAll(group.subList(held + cal, group.size()));
        }
        return new Split(fit, calibration, heldOut);
    }

    /** The model's calibrated probabilities against the rows' outcomes. */
    public static Evaluation evaluate(MlModel model, List<TrainingRow> rows) {
        return Evaluation.of(rows.stream().mapToDouble(r -> model.probability(r.facts())).toArray(), outcomes(rows));
    }

    /**
     * Whether the challenger should replace the champion, judged on the same held-out rows: it must rank better
     * (AUC higher by {@value #MIN_AUC_GAIN}) without being worse calibrated (Brier at most {@value #MAX_BRIER_LOSS}
     * higher).
     */
    public static Comparison compare(MlModel champion, MlModel challenger, List<TrainingRow> heldOut) {
        return compare(evaluate(champion, heldOut), evaluate(challenger, heldOut), true);
    }

    /**
     * Whether the first ML model should replace the points model: it must rank the held-out leads better (AUC
     * higher by {@value #MIN_AUC_GAIN}), each lead scored by the rules as of its creation, without decay.
     */
    public static Comparison compare(RulesModel champion, MlModel challenger, List<TrainingRow> heldOut) {
        double[] points = heldOut.stream()
                .mapToDouble(r -> champion.score(r.facts(), r.facts().createdAt()).points() / 100.0).toArray();
        return compare(Evaluation.of(points, outcomes(heldOut)), evaluate(challenger, heldOut), false);
    }

    private static Comparison compare(Evaluation a, Evaluation b, boolean brierCounts) {
        boolean ranksBetter = b.auc() >= a.auc() + MIN_AUC_GAIN;
        boolean calibratedEnough = !brierCounts || b.brier() <= a.brier() + MAX_BRIER_LOSS;
        String figures = brierCounts
                ? String.format(Locale.ENGLISH, "AUC %.3f vs %.3f, Brier %.4f vs %.4f", b.auc(), a.auc(), b.brier(),
                        a.brier())
                : String.format(Locale.ENGLISH, "AUC %.3f vs %.3f for the points model", b.auc(), a.auc());
        String reason = figures + ": " + (ranksBetter && calibratedEnough ? "the challenger is better"
                        : !ranksBetter ? "the challenger does not rank leads better by " + MIN_AUC_GAIN
                        : "the challenger's probabilities are worse");
        return new Comparison(ranksBetter && calibratedEnough, a, b, reason);
    }

    /** As {@link #enough(List, Settings, Instant)} as of now. */
    public static Readiness enough(List<TrainingRow> rows, Settings settings) {
        return enough(rows, settings, Instant.now());
    }

    /** Whether enough leads and conversions were created in the window before {@code now} to train a model. */
    public static Readiness enough(List<TrainingRow> rows, Settings settings, Instant now) {
        Instant from = now.minus(Duration.ofDays(settings.windowDays()));
        int leads = 0, conversions = 0;
        for (TrainingRow row : rows) {
            Instant created = row.facts().createdAt();
            if (created != null && !created.isBefore(from) && !created.isAfter(now)) {
                leads++;
                conversions += row.converted() ? 1 : 0;
            }
        }
        boolean enough = leads >= settings.minLeads() && conversions >= settings.minConversions();
        String counts = String.format(Locale.ENGLISH, "%,d leads and %,d conversions in the last %d days", leads,
                conversions, settings.windowDays());
        String reason = enough ? counts + ": enough to train a model" : String.format(Locale.ENGLISH,
                "%s; a model needs %,d and %,d", counts, settings.minLeads(), settings.minConversions());
        return new Readiness(enough, leads, conversions, reason);
    }

    /** SHA-256, hex, over the (lead id, label) pairs in id order and the excluded keys in order. */
    public static String fingerprint(List<TrainingRow> rows, Set<String> excluded) {
        List<String> pairs = new ArrayList<>(rows.size());
        for (TrainingRow row : rows) {
            pairs.add(row.facts().id() + "\t" + (row.converted() ? "converted" : "not") + "\n");
        }
        Collections.sort(pairs);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String pair : pairs) {
                sha.update(pair.getBytes(StandardCharsets.UTF_8));
            }
            sha.update(("excluded\t" + String.join(",", Features.checkKeys(excluded).stream().sorted().toList()))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static boolean[] outcomes(List<TrainingRow> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).converted();
        }
        return y;
    }

    /** Mean and standard deviation of every Tribuo feature over the dataset (absent = 0). */
    private static Map<String, double[]> moments(MutableDataset<Label> data) {
        Map<String, double[]> sums = new HashMap<>();
        for (Example<Label> example : data) {
            for (Feature f : example) {
                double[] s = sums.computeIfAbsent(f.getName(), k -> new double[2]);
                s[0] += f.getValue();
                s[1] += f.getValue() * f.getValue();
            }
        }
        int n = data.size();
        Map<String, double[]> moments = new HashMap<>();
        sums.forEach((name, s) -> {
            double mean = s[0] / n;
            moments.put(name, new double[] {mean, Math.sqrt(Math.max(0, s[1] / n - mean * mean))});
        });
        return moments;
    }

    /**
     * An ensemble's strongest values, by its occlusion effects averaged over the rows: a category value by the
     * log-odds of its leads' mean probability against their mean probability with the value occluded; a count by
     * those of the leads above the rows' median ("more"). Averaging probabilities rather than log-odds keeps a value
     * that only works together with another (half its leads up, half down) near zero instead of leaning on the side
     * of the rarer outcome. Values of fewer than 10 rows are left out, as for the linear model.
     */
    private static List<Factor> occlusionFactors(MlModel raw, List<String> keys, List<TrainingRow> rows) {
        record Ranked(Factor factor, double strength) {
        }
        int n = keys.size();
        int[] medians = new int[n];
        for (int s = 0; s < n; s++) {
            String key = keys.get(s);
            int[] counts = Features.isNumeric(key) ? rows.stream().mapToInt(r -> Features.count(key, r.facts()))
                    .filter(c -> c >= 0).sorted().toArray() : new int[0];
            medians[s] = counts.length == 0 ? Integer.MAX_VALUE : counts[counts.length / 2];
        }
        // per feature and value: {sum of probabilities, sum of them with the value occluded, rows}
        Map<String, double[]> sums = new TreeMap<>();
        double[] effect = new double[n];
        String[] shown = new String[n];
        for (TrainingRow row : rows) {
            double p = raw.occlusion().effects(row.facts(), Calibration.IDENTITY, effect, shown);
            for (int s = 0; s < n; s++) {
                String key = keys.get(s);
                String value = shown[s];
                if (Features.isNumeric(key)) {
                    int count = Features.count(key, row.facts());
                    if (count < 0 || count <= medians[s]) {
                        continue;
                    }
                    value = "more";
                }
                double[] sum = sums.computeIfAbsent(key + "\t" + value, k -> new double[3]);
                sum[0] += p;
                sum[1] += p - effect[s] / 100;
                sum[2]++;
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        sums.forEach((name, sum) -> {
            if (sum[2] < Math.max(10, 0.01 * rows.size())) {
                return;
            }
            String key = name.substring(0, name.indexOf('\t'));
            String value = name.substring(key.length() + 1);
            String label = Features.label(key);
            double with = sum[0] / sum[2], without = sum[1] / sum[2];
            double logOdds = Math.log(with / (1 - with)) - Math.log(without / (1 - without));
            String raises = logOdds >= 0 ? "raises" : "lowers";
            String words = value.equals("more")
                    ? String.format(Locale.ENGLISH, "%s above %d: %s the odds %.1f×", label,
                            medians[keys.indexOf(key)], raises, Math.exp(Math.abs(logOdds)))
                    : String.format(Locale.ENGLISH, "%s is %s: %s the odds %.1f×", label, value, raises,
                            Math.exp(Math.abs(logOdds)));
            ranked.add(new Ranked(new Factor(key, label, value, logOdds, words), Math.abs(logOdds)));
        });
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.strength())
                .thenComparing(r -> r.factor().feature() + "=" + r.factor().value()));
        return ranked.stream().limit(TOP_FACTORS).map(Ranked::factor).toList();
    }

    /**
     * The values that move the odds most against the average lead. A count is ranked by the swing from one standard
     * deviation below its mean to one above, so it competes fairly with one-hot values; values seen in under 1% of
     * the rows are left out, their weights being mostly noise.
     */
    private static List<Factor> topFactors(Contributions c, List<String> keys, Map<String, double[]> moments,
                                           int rows) {
        record Ranked(Factor factor, double strength) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int s = 0; s < keys.size(); s++) {
            String key = keys.get(s);
            String label = Features.label(key);
            for (Map.Entry<String, Double> w : c.weights().entrySet()) {
                String name = w.getKey();
                double[] m = moments.get(name);
                if (m == null) {
                    continue;
                }
                if (name.equals(key)) {
                    String words = String.format(Locale.ENGLISH, "%s: every doubling %s the odds %.1f×", label,
                            w.getValue() >= 0 ? "raises" : "lowers", Math.pow(2, Math.abs(w.getValue())));
                    ranked.add(new Ranked(new Factor(key, label, "more", w.getValue(), words),
                            Math.abs(w.getValue()) * 2 * m[1]));
                } else if (name.startsWith(key + "=") && m[0] * rows >= Math.max(10, 0.01 * rows)) {
                    String value = name.substring(key.length() + 1);
                    double logOdds = w.getValue() - c.reference(s);
                    String words = String.format(Locale.ENGLISH, "%s is %s: %s the odds %.1f×", label, value,
                            logOdds >= 0 ? "raises" : "lowers", Math.exp(Math.abs(logOdds)));
                    ranked.add(new Ranked(new Factor(key, label, value, logOdds, words), Math.abs(logOdds)));
                }
            }
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.strength())
                .thenComparing(r -> r.factor().feature() + "=" + r.factor().value()));
        return ranked.stream().limit(TOP_FACTORS).map(Ranked::factor).toList();
    }
}
