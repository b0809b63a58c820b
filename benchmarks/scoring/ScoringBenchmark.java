package io.catalyst.plugins.scoring;

import elemental.json.Json;
import io.catalyst.api.connect.Contact;
import io.catalyst.demodata.DemoData;
import io.catalyst.demodata.DemoScale;
import io.catalyst.plugins.scoring.model.Evaluation;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.MlModel;
import io.catalyst.plugins.scoring.model.Training;
import io.catalyst.plugins.scoring.model.TrainingRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * {@code ./catalyst bench scoring}: scoring 100,000 demo leads with one trained ML model through the plugin's own path
 * ({@link MlModel#score}: score and reasons), against a raw Tribuo loop over the same model and leads (build the
 * Example, {@code predict}, read the converted probability), in one JVM, alternating which goes first.
 * <p>
 * The last line's ratio is value/baseline, like every other benchmark: LOWER is better, and the goal is at most
 * 1.25, i.e. the plugin scores at no less than 0.8 of raw Tribuo's speed although it also gives reasons.
 * Lives in the plugin's package for the package-private {@link LeadJson#fromProperties}.
 */
public final class ScoringBenchmark {

    private static final int LEADS = 100_000;
    private static final int SINGLE_CALLS = 10_000;
    /** Fixed, so every run generates (and trains on) the same leads. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    /** Stages at which a contact counts as converted, as in {@link Ingest}. */
    private static final Set<String> CONVERTED = Set.of("opportunity", "customer");

    /** Keeps results alive so the JIT cannot drop the work that made them. */
    private static double sink;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;

        List<TrainingRow> rows = leads();
        List<LeadFacts> leads = rows.stream().map(TrainingRow::facts).toList();

        // label the leads old enough to have had their 90 days to convert, from a 200-day window
        Instant now = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = now.minus(290, ChronoUnit.DAYS), to = now.minus(90, ChronoUnit.DAYS);
        List<TrainingRow> labelled = rows.stream()
                .filter(r -> !r.facts().createdAt().isBefore(from) && r.facts().createdAt().isBefore(to)).toList();
        Training.Trained trained = Training.train("all", labelled, Set.of(), Training.Settings.defaults());
        MlModel model = trained.model();
        Evaluation held = trained.card().evaluation();
        System.out.printf(Locale.ROOT, "trained %s on %,d leads (%,d converted) in %,d ms; held-out AUC %.3f"
                        + " (%,d leads, %,d converted), Brier %.4f%n", model.version(), labelled.size(),
                labelled.stream().filter(TrainingRow::converted).count(), trained.card().trainingMillis(),
                held.auc(), held.rows(), held.positives(), held.brier());
        checkSameModel(model, leads);

        List<Example<Label>> examples = leads.stream().map(model::example).toList();
        // three rounds, so C2 has compiled both paths (on 2 cores its thread competes with the loops)
        for (int w = 0; w < 3; w++) {
            run("warm-up", model, leads, examples, w);
        }
        double[] plugin = new double[rounds], raw = new double[rounds], predict = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] ms = run("round " + (r + 1), model, leads, examples, r);
            plugin[r] = ms[0];
            raw[r] = ms[1];
            predict[r] = ms[2];
        }
        latency(model, leads);

        double value = median(plugin), baseline = median(raw);
        System.out.printf(Locale.ROOT, "median ms per 100k: plugin %.1f, raw Tribuo %.1f, predict alone %.1f"
                + " (plugin at %.2fx raw's speed)%n", value, baseline, median(predict), baseline / value);
        System.out.printf(Locale.ROOT, "scoring value=%.1f baseline=%.1f ratio=%.3f unit=ms%n", value, baseline,
                value / baseline);
    }

    /** Leads from as many demo companies' contacts as it takes, with ids unique across them. */
    private static List<TrainingRow> leads() {
        List<TrainingRow> rows = new ArrayList<>(LEADS);
        for (int company = 1; rows.size() < LEADS; company++) {
            String key = company == 1 ? "acme" : "bench-" + company;
            DemoData.of(key, TODAY).withScale(DemoScale.DEMO).contacts((Contact c) -> {
                if (rows.size() < LEADS) {
                    // the plugin reads a contact's properties as text, as the warehouse keeps them
                    String properties = Json.parse(c.rawJson()).getObject("properties").toJson();
                    LeadFacts facts = LeadJson.fromProperties(key + ":" + c.id(), c.createdAt().toInstant(),
                            c.email(), properties);
                    rows.add(new TrainingRow(facts, CONVERTED.contains(c.lifecycleStage())));
                }
            });
            System.out.printf(Locale.ROOT, "demo company %s: %,d leads so far%n", key, rows.size());
        }
        return rows;
    }

    /**
     * One round: the plugin's path and raw Tribuo (which goes first alternates by round), then predict alone on the
     * prebuilt Examples (Tribuo's own floor), then, to say where the time goes, the plugin's probability without
     * reasons and building the Examples alone. Returns the first three in ms.
     */
    private static double[] run(String name, MlModel model, List<LeadFacts> leads, List<Example<Label>> examples,
                                int round) {
        double plugin, raw;
        if (round % 2 == 0) {
            plugin = time(() -> plugin(model, leads));
            raw = time(() -> raw(model, leads));
        } else {
            raw = time(() -> raw(model, leads));
            plugin = time(() -> plugin(model, leads));
        }
        double predict = time(() -> predict(model.tribuoModel(), examples));
        double probability = time(() -> leads.forEach(f -> sink += model.probability(f)));
        double build = time(() -> leads.forEach(f -> sink += model.example(f).size()));
        System.out.printf(Locale.ROOT, "%-8s plugin %6.1f ms  raw %6.1f ms  predict alone %6.1f ms"
                + "  | plugin without reasons %6.1f ms  building Examples %6.1f ms%n", name, plugin, raw, predict,
                probability, build);
        return new double[] {plugin, raw, predict};
    }

    /** The plugin's path: score and reasons. */
    private static void plugin(MlModel model, List<LeadFacts> leads) {
        long sum = 0;
        for (LeadFacts f : leads) {
            var score = model.score(f);
            sum += score.points() + score.reasons().size();
        }
        sink += sum;
    }

    /** What a caller of Tribuo would write: the lead as an Example, predict, the converted probability. */
    private static void raw(MlModel model, List<LeadFacts> leads) {
        Model<Label> tribuo = model.tribuoModel();
        double sum = 0;
        for (LeadFacts f : leads) {
            sum += tribuo.predict(model.example(f)).getOutputScores().get("converted").getScore();
        }
        sink += sum;
    }

    private static void predict(Model<Label> tribuo, List<Example<Label>> examples) {
        double sum = 0;
        for (Example<Label> e : examples) {
            sum += tribuo.predict(e).getOutputScores().get("converted").getScore();
        }
        sink += sum;
    }

    /** p50 and p99 of scoring one lead through the plugin's path, each call timed on its own. */
    private static void latency(MlModel model, List<LeadFacts> leads) {
        long[] nanos = new long[SINGLE_CALLS];
        int step = leads.size() / SINGLE_CALLS;
        for (int i = 0; i < SINGLE_CALLS; i++) {
            LeadFacts lead = leads.get(i * step);
            long start = System.nanoTime();
            sink += model.score(lead).points();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "one lead through the plugin (%,d calls timed singly): p50 %.2f us, p99 %.2f us,"
                        + " max %.1f us%n", SINGLE_CALLS, nanos[SINGLE_CALLS / 2] / 1e3,
                nanos[SINGLE_CALLS * 99 / 100] / 1e3, nanos[SINGLE_CALLS - 1] / 1e3);
    }

    /**
     * That both paths compute the same model: Tribuo's probability, through the plugin's calibration, must be the
     * plugin's probability (up to rounding), or the baseline would measure something else.
     */
    private static void checkSameModel(MlModel model, List<LeadFacts> leads) {
        double worst = 0;
        for (int i = 0; i < leads.size(); i += 100) {
            LeadFacts f = leads.get(i);
            double p = model.tribuoModel().predict(model.example(f)).getOutputScores().get("converted").getScore();
            double calibrated = model.calibration().probability(Math.log(p / (1 - p)));
            worst = Math.max(worst, Math.abs(calibrated - model.probability(f)));
        }
        System.out.printf(Locale.ROOT, "same model both ways: largest probability difference %.1e over %,d leads%n",
                worst, leads.size() / 100);
        if (worst > 1e-6) {
            throw new IllegalStateException("the plugin and raw Tribuo disagree: not the same model");
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
