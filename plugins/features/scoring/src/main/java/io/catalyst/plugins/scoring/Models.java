package io.catalyst.plugins.scoring;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.MlModel;
import io.catalyst.plugins.scoring.model.RulesModel;
import io.catalyst.plugins.scoring.model.Score;
import io.catalyst.plugins.scoring.model.Evaluation;
import io.catalyst.plugins.scoring.model.Features;
import io.catalyst.plugins.scoring.model.Training;
import io.catalyst.plugins.scoring.model.TrainingRow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which model scores the company's leads, and the registry behind it: the points model (versioned rules) until a
 * trained model is the champion; training a challenger, promoting it only when it beats the champion (or, for the
 * first, the points model) on the same held-out leads; rolling back. Every deploy, promotion and rollback is audited.
 */
final class Models {

    /** The one segment this version trains: all of the company's leads. */
    static final String SEGMENT = "all";

    /** Loaded models by tenant and version: a stored version never changes, so a cached one is never stale. */
    private static final Map<String, MlModel> LOADED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MlModel> eldest) {
                    return size() > 64;
                }
            });

    private Models() {
    }

    /** Scores one lead as of a moment. */
    interface Scorer {
        Score score(LeadFacts facts, Instant now);
    }

    /**
     * What scores now, with its bands.
     *
     * @param hot      the lowest score of a hot lead
     * @param warm     the lowest score of a warm lead
     * @param describe one sentence for people: what the scores mean and which model gives them
     */
    record Current(Scorer scorer, int hot, int warm, String describe) {

        Score score(LeadFacts facts, Instant now) {
            return scorer.score(facts, now);
        }

        /** hot, warm or cold. */
        String band(int points) {
            return points >= hot ? "hot" : points >= warm ? "warm" : "cold";
        }

        /** The score range [min, max) of a band named "Hot", "Warm", "Cold" or "All" (nulls: open). */
        Integer[] range(String band) {
            return switch (band) {
                case "Hot" -> new Integer[] {hot, null};
                case "Warm" -> new Integer[] {warm, hot};
                case "Cold" -> new Integer[] {0, warm};
                default -> new Integer[] {null, null};
            };
        }
    }

    /** The points model and its version; the model carries its name, {@code rules-<version>}. */
    record Rules(int version, RulesModel model) {
        Rules {
            model = new RulesModel(name(version), model.criteria(), model.halfLifeDays(), model.thresholds());
        }

        static String name(int version) {
            return "rules-" + version;
        }

        String name() {
            return name(version);
        }

        String json() {
            return model.toJson();
        }

        int threshold(String band, int fallback) {
            return model.thresholds().stream().filter(t -> t.band().equals(band)).map(RulesModel.Threshold::atLeast)
                    .findFirst().orElse(fallback);
        }
    }

    /**
     * The points model that scores: the newest saved version, after taking in the one the company's settings give
     * ({@link ScoringSettings#POINTS_MODEL}, set from a tenant manifest) when it differs, as a new version.
     */
    static Rules rules(PluginContext ctx) {
        Rules stored = storedRules(ctx);
        String given = ctx.settings().get(ScoringSettings.POINTS_MODEL);
        if (given == null || given.isBlank()) {
            return stored;
        }
        RulesModel wanted;
        try {
            wanted = RulesModel.fromJson(withVersion(given));
        } catch (IllegalArgumentException e) {
            return stored; // the settings' check refuses this before it is saved; an older value is simply not used
        }
        if (stored.version() > 0 && sameRules(stored.model(), wanted)) {
            return stored;
        }
        try {
            Rules saved = saveRules(ctx, given);
            Scoring.requestRescore(ctx);
            return saved;
        } catch (IllegalArgumentException e) {
            return storedRules(ctx); // another call took the same settings in at the same moment
        }
    }

    /** Whether the settings give the points model, so it is changed there and not on screen. */
    static boolean rulesFromSettings(PluginContext ctx) {
        String given = ctx.settings().get(ScoringSettings.POINTS_MODEL);
        return given != null && !given.isBlank();
    }

    private static Rules storedRules(PluginContext ctx) {
        List<Map<String, Object>> rows = ctx.data().query("select version, definition from scoring_rules"
                + " order by version desc limit 1");
        if (rows.isEmpty()) {
            return new Rules(0, RulesModel.defaults());
        }
        return new Rules((Integer) rows.get(0).get("version"), RulesModel.fromJson((String) rows.get(0)
                .get("definition")));
    }

    private static boolean sameRules(RulesModel a, RulesModel b) {
        return new RulesModel("x", a.criteria(), a.halfLifeDays(), a.thresholds()).toJson()
                .equals(new RulesModel("x", b.criteria(), b.halfLifeDays(), b.thresholds()).toJson());
    }

    /** The model's JSON with a placeholder version where it has none: the version is the server's to give. */
    static String withVersion(String json) {
        String body = json == null ? "" : json.strip();
        if (body.startsWith("{") && !body.contains("\"version\"")) {
            String rest = body.substring(1).strip();
            body = "{\"version\": \"new\"" + (rest.startsWith("}") ? "" : ", ") + rest;
        }
        return body;
    }

    /** Stores a new version of the points model; throws IllegalArgumentException with words when it is not one. */
    /** Bounds of a points model, well inside what its table keeps (50,000 characters). */
    static final int MAX_CRITERIA = 200;
    static final int MAX_RULES_TEXT = 40_000;

    static Rules saveRules(PluginContext ctx, String json) {
        // the version is the server's to give: one sent along (GET's answer edited) is ignored, none is fine
        String body = withVersion(json);
        if (body.length() > MAX_RULES_TEXT) {
            throw new IllegalArgumentException("The points model is at most " + MAX_RULES_TEXT + " characters.");
        }
        RulesModel model = RulesModel.fromJson(body);
        if (model.criteria().size() > MAX_CRITERIA) {
            throw new IllegalArgumentException("The points model has at most " + MAX_CRITERIA + " criteria.");
        }
        Rules before = storedRules(ctx);
        // the next version in the same statement; two saves at once: the second finds its version taken
        List<Map<String, Object>> saved = ctx.data().query("insert into scoring_rules (version, definition, created_by)"
                + " select coalesce(max(version), 0) + 1, ?, ? from scoring_rules on conflict do nothing"
                + " returning version", model.toJson(), ctx.user().map(u -> u.email()).orElse(null));
        if (saved.isEmpty()) {
            throw new IllegalArgumentException("Someone else saved the points model at the same moment: look at it"
                    + " again, then save.");
        }
        int version = (Integer) saved.get(0).get("version");
        ctx.audit().record("rules:changed", "scoring-rules/" + version, before.model().toJson(), model.toJson());
        return new Rules(version, model);
    }

    static Current current(PluginContext ctx) {
        Optional<Map<String, Object>> champion = ctx.data().query("select version, card from scoring_model"
                + " where status = 'champion' and segment = ?", SEGMENT).stream().findFirst();
        if (champion.isEmpty()) {
            return rulesScorer(rules(ctx));
        }
        int version = (Integer) champion.get().get("version");
        MlModel model = load(ctx, version);
        Evaluation evaluation = model.card().evaluation();
        double base = evaluation.baseRate();
        int hot = (int) Math.max(1, Math.round(200 * base));
        int warm = (int) Math.max(1, Math.round(100 * base));
        String describe = String.format(java.util.Locale.ROOT, "A score is the chance in percent that the lead"
                + " converts within %d days, from model ml-%d (AUC %.2f on leads it did not learn from). Hot: twice your"
                + " average or more (%d+); warm: above average (%d+).", ScoringSettings.of(ctx).horizonDays(), version,
                evaluation.auc(), hot, warm);
        // segments refine the company-wide model: a lead of a segment with a champion of its own gets that one
        ScoringSettings settings = ScoringSettings.of(ctx);
        Map<String, MlModel> segments = segmentChampions(ctx, settings);
        if (segments.isEmpty()) {
            return new Current((facts, now) -> model.score(facts), hot, warm, describe);
        }
        String feature = settings.segmentBy();
        describe += " Leads of " + String.join(", ", new java.util.TreeSet<>(segments.keySet())) + " are scored by"
                + " models of their own (segments by " + Features.label(feature).toLowerCase(java.util.Locale.ROOT)
                + ").";
        return new Current((facts, now) -> segments.getOrDefault(segmentOf(feature, facts), model).score(facts),
                hot, warm, describe);
    }

    /** The segment name a model of a value is stored under, e.g. {@code channel=Google Ads}. */
    static String segment(String feature, String value) {
        return feature + "=" + value;
    }

    /** A lead's segment value for the feature, as people read it; "unknown" when the lead does not say. */
    static String segmentOf(String feature, LeadFacts facts) {
        String value = Features.display(feature, facts);
        return value == null || value.isBlank() ? "unknown" : value;
    }

    /** The champions of the segments of the feature the company segments by now, by value. */
    private static Map<String, MlModel> segmentChampions(PluginContext ctx, ScoringSettings settings) {
        if (settings.segmentBy() == null) {
            return Map.of();
        }
        Map<String, MlModel> found = new java.util.HashMap<>();
        String prefix = settings.segmentBy() + "=";
        for (Map<String, Object> r : ctx.data().query("select version, segment from scoring_model where status ="
                + " 'champion' and segment like ?", prefix + "%")) {
            found.put(((String) r.get("segment")).substring(prefix.length()), load(ctx, (Integer) r.get("version")));
        }
        return found;
    }

    private static Current rulesScorer(Rules rules) {
        int hot = rules.threshold("hot", 70);
        int warm = rules.threshold("warm", 40);
        return new Current(rules.model()::score, hot, warm, "Scores are points from your points model ("
                + rules.name() + "): who a lead is and what it did, fading with age. Hot: " + hot + "+; warm: " + warm
                + "+.");
    }

    private static MlModel load(PluginContext ctx, int version) {
        String key = ctx.tenant().id() + ":" + version;
        MlModel cached = LOADED.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = (byte[]) ctx.data().query("select bytes from scoring_model where version = ?", version).get(0)
                .get("bytes");
        MlModel model = MlModel.fromBytes(bytes);
        LOADED.put(key, model);
        return model;
    }

    // ---- training -----------------------------------------------------------------------------------------------

    /**
     * Asks for a training run now (a job, so a long one survives the request and shows its progress); false when one
     * is already queued or running, which reads the same leads (a run left for dead after 15 minutes does not count).
     */
    static boolean requestTraining(PluginContext ctx) {
        String training = State.get(ctx, "training");
        if (training != null) {
            JsonObject state = Json.parse(training);
            boolean busy = List.of("queued", "running").contains(state.getString("status"));
            if (busy && Instant.parse(state.getString("at")).isAfter(Instant.now().minus(Duration.ofMinutes(15)))) {
                return false;
            }
        }
        progress(ctx, "queued", 0, "Training starts in a moment.");
        ctx.scheduler().runLater(Scoring.TRAIN_JOB, Duration.ZERO);
        return true;
    }

    /**
     * Trains a challenger on the leads whose outcome is known (created in the window that ends a horizon ago) and
     * promotes it if it beats the champion on the same held-out leads. Answers what happened, in words.
     */
    static String train(PluginContext ctx, Instant now) {
        ScoringSettings settings = ScoringSettings.of(ctx);
        progress(ctx, "running", 0.1, "Reading leads");
        Instant to = now.minus(Duration.ofDays(settings.horizonDays()));
        Instant from = to.minus(Duration.ofDays(settings.windowDays()));
        List<TrainingRow> rows = new ArrayList<>();
        for (Leads.Lead lead : Leads.createdBetween(ctx, from, to)) {
            boolean converted = lead.convertedAt() != null
                    && lead.convertedAt().isBefore(lead.createdAt().plus(Duration.ofDays(settings.horizonDays())));
            rows.add(new TrainingRow(Scoring.facts(lead), converted));
        }
        Training.Settings defaults = Training.Settings.defaults();
        Training.Settings limits = new Training.Settings(settings.minLeads(), settings.minConversions(),
                settings.windowDays(), settings.horizonDays(), defaults.seed(), defaults.epochs(),
                defaults.learningRate(), defaults.heldOutShare(), defaults.calibrationShare());
        Training.Readiness ready = Training.enough(rows, limits, to);
        if (!ready.enough()) {
            return progress(ctx, "waiting", 1, String.format(java.util.Locale.ENGLISH, "Not enough history for a"
                    + " model yet: %,d leads and %,d conversions within %d days, among the leads that came in during"
                    + " the %d days before %s; a model needs %,d and %,d. Until then the points model scores.",
                    ready.leads(), ready.conversions(), settings.horizonDays(), settings.windowDays(),
                    to.atZone(ctx.tenant().timezone()).toLocalDate(), settings.minLeads(),
                    settings.minConversions()));
        }
        // champions of segments the company no longer uses (another feature, or none) step down
        ctx.data().update("update scoring_model set status = 'retired' where status = 'champion' and segment <> ?"
                + " and segment not like ?", SEGMENT, settings.segmentBy() == null ? "" : settings.segmentBy() + "=%");
        progress(ctx, "running", 0.3, "Training on " + rows.size() + " leads");
        Outcome all = trainOne(ctx, SEGMENT, rows, settings.excluded(), limits);
        List<String> said = new ArrayList<>(List.of(all.words()));
        boolean deployed = all.promoted();
        if (settings.segmentBy() != null && championVersion(ctx).isPresent()) {
            Map<String, List<TrainingRow>> bySegment = new java.util.TreeMap<>();
            for (TrainingRow row : rows) {
                bySegment.computeIfAbsent(segmentOf(settings.segmentBy(), row.facts()), k -> new ArrayList<>())
                        .add(row);
            }
            int done = 0;
            for (Map.Entry<String, List<TrainingRow>> segment : bySegment.entrySet()) {
                progress(ctx, "running", 0.5 + 0.3 * done++ / bySegment.size(), "Training segment "
                        + segment.getKey());
                Training.Readiness enough = Training.enough(segment.getValue(), limits, to);
                if (!enough.enough()) {
                    said.add(String.format(java.util.Locale.ENGLISH, "%s: not enough history for a model of its own"
                            + " (%,d leads, %,d conversions), the company-wide model scores it", segment.getKey(),
                            enough.leads(), enough.conversions()));
                    continue;
                }
                Outcome o = trainOne(ctx, segment(settings.segmentBy(), segment.getKey()), segment.getValue(),
                        settings.excludedIn(segment.getKey()), limits);
                said.add(segment.getKey() + ": " + o.words());
                deployed |= o.promoted();
            }
        }
        if (deployed) {
            progress(ctx, "running", 0.9, "Scoring every lead again");
            Scoring.rescoreAll(ctx, now);
        }
        return progress(ctx, "done", 1, String.join(". ", said) + ".");
    }

    /** What training one segment did: whether its model was deployed, and why, in words. */
    private record Outcome(boolean promoted, String words) {
    }

    /**
     * Trains a challenger for one segment ({@link #SEGMENT} for the company-wide model) and promotes it when it
     * beats what scores the segment's leads now, on its held-out leads: the segment's champion, else the
     * company-wide champion, else the points model (by AUC: its points are no probability).
     */
    private static Outcome trainOne(PluginContext ctx, String segment, List<TrainingRow> rows, Set<String> excluded,
                                    Training.Settings limits) {
        int version = nextVersion(ctx);
        Training.Trained trained = Training.train(segment, "ml-" + version, rows, excluded, limits);
        MlModel challenger = trained.model();
        List<TrainingRow> heldOut = trained.split().heldOut();
        Optional<Integer> championVersion = championVersion(ctx, segment)
                .or(() -> SEGMENT.equals(segment) ? Optional.empty() : championVersion(ctx));
        Rules rules = rules(ctx);
        String against = championVersion.map(v -> "ml-" + v).orElse(rules.name());
        boolean promote;
        String verdict;
        if (championVersion.isPresent()) {
            Training.Comparison c = Training.compare(load(ctx, championVersion.get()), challenger, heldOut);
            promote = c.challengerWins();
            verdict = c.words();
        } else {
            Evaluation points = Evaluation.of(heldOut.stream().mapToDouble(r -> rules.model().score(r.facts(),
                    r.facts().createdAt()).points() / 100.0).toArray(), outcomes(heldOut));
            Evaluation ml = challenger.card().evaluation();
            promote = ml.auc() >= points.auc() + 0.005;
            verdict = String.format(java.util.Locale.ENGLISH, promote
                    ? "it ranks leads better than the points model (AUC %.3f against %.3f on leads it did not learn"
                    + " from)" : "it ranks leads no better than the points model (AUC %.3f against %.3f on leads it"
                    + " did not learn from)", ml.auc(), points.auc());
        }
        JsonObject card = Json.parse(challenger.card().toJson());
        card.put("comparedWith", against);
        card.put("comparison", verdict);
        if (promote) {
            ctx.data().update("update scoring_model set status = 'retired' where status = 'champion' and segment = ?",
                    segment);
        }
        ctx.data().update("insert into scoring_model (version, segment, status, card, bytes, promoted_at)"
                + " values (?, ?, ?, ?, ?, ?)", version, segment, promote ? "champion" : "challenger", card.toJson(),
                challenger.toBytes(), promote ? OffsetDateTime.now() : null);
        ctx.audit().record("model:trained", "scoring-model/" + version, null, card.toJson());
        if (!promote) {
            return new Outcome(false, "The model trained last (ml-" + version + ") is not used: " + verdict);
        }
        ctx.audit().record("model:promoted", "scoring-model/" + version, against, "ml-" + version);
        return new Outcome(true, "ml-" + version + " is deployed: " + verdict);
    }

    private static boolean[] outcomes(List<TrainingRow> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).converted();
        }
        return y;
    }

    /**
     * The champion steps down (rolled back: no later rollback brings it back) for the champion it replaced, or for
     * the points model; false if no model scores.
     */
    static boolean rollback(PluginContext ctx) {
        return rollback(ctx, SEGMENT);
    }

    /** {@link #rollback(PluginContext)} for one segment's champion; its leads go back to the company-wide model. */
    static boolean rollback(PluginContext ctx, String segment) {
        Optional<Integer> champion = championVersion(ctx, segment);
        if (champion.isEmpty()) {
            return false;
        }
        ctx.data().update("update scoring_model set status = 'rolled-back' where version = ?", champion.get());
        List<Map<String, Object>> previous = ctx.data().query("select version from scoring_model where status ="
                + " 'retired' and segment = ? and version < ? and promoted_at is not null order by version desc"
                + " limit 1", segment, champion.get());
        String to;
        if (previous.isEmpty()) {
            // a segment falls back on the company-wide model, which falls back on the points model
            to = SEGMENT.equals(segment) ? rules(ctx).name() : championVersion(ctx).map(v -> "ml-" + v)
                    .orElse(rules(ctx).name());
        } else {
            int version = (Integer) previous.get(0).get("version");
            ctx.data().update("update scoring_model set status = 'champion', promoted_at = now() where version = ?",
                    version);
            to = "ml-" + version;
        }
        ctx.audit().record("model:rolled-back", "scoring-model/" + champion.get(), "ml-" + champion.get(), to);
        return true;
    }

    static Optional<Integer> championVersion(PluginContext ctx) {
        return championVersion(ctx, SEGMENT);
    }

    static Optional<Integer> championVersion(PluginContext ctx, String segment) {
        return ctx.data().query("select version from scoring_model where status = 'champion' and segment = ?",
                segment).stream().findFirst().map(r -> (Integer) r.get("version"));
    }

    private static int nextVersion(PluginContext ctx) {
        return ((Number) ctx.data().query("select coalesce(max(version), 0) + 1 as v from scoring_model").get(0)
                .get("v")).intValue();
    }

    private static String progress(PluginContext ctx, String status, double done, String message) {
        JsonObject o = Json.createObject();
        o.put("status", status);
        o.put("progress", done);
        o.put("message", message);
        o.put("at", Instant.now().toString());
        State.put(ctx, "training", o.toJson());
        return message;
    }

    /** True when no training has run yet, or the last found too little history: new leads may change that. */
    static boolean waitingForHistory(PluginContext ctx) {
        String training = State.get(ctx, "training");
        return training == null
                || "waiting".equals(((JsonObject) Json.parse(training)).getString("status"));
    }

    /** What training last said, e.g. why no model is used yet. */
    static String trainingMessage(PluginContext ctx) {
        String training = State.get(ctx, "training");
        return training == null ? NEVER_TRAINED : ((JsonObject) Json.parse(training)).getString("message");
    }

    private static final String NEVER_TRAINED = "No model trained yet: training runs every 10 days, or when you ask"
            + " for it.";

    /** The registry for REST and the models screen: what scores, training's state, every version's card. */
    static String registryJson(PluginContext ctx) {
        JsonObject out = Json.createObject();
        Current current = current(ctx);
        out.put("scoring", championVersion(ctx).map(v -> "ml-" + v).orElse(rules(ctx).name()));
        out.put("description", current.describe());
        String training = State.get(ctx, "training");
        JsonObject never = Json.createObject();
        never.put("status", "never");
        never.put("message", NEVER_TRAINED);
        out.put("training", training == null ? never : Json.parse(training));
        JsonArray models = Json.createArray();
        for (Map<String, Object> r : ctx.data().query("select version, segment, status, card, created_at,"
                + " promoted_at from scoring_model order by version desc")) {
            JsonObject m = Json.createObject();
            m.put("version", "ml-" + r.get("version"));
            m.put("segment", (String) r.get("segment"));
            m.put("status", (String) r.get("status"));
            m.put("createdAt", ((OffsetDateTime) r.get("created_at")).toInstant().toString());
            if (r.get("promoted_at") != null) {
                m.put("promotedAt", ((OffsetDateTime) r.get("promoted_at")).toInstant().toString());
            }
            m.put("card", Json.parse((String) r.get("card")));
            models.set(models.length(), m);
        }
        out.put("models", models);
        return out.toJson();
    }
}
