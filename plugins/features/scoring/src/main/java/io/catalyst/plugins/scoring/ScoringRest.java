package io.catalyst.plugins.scoring;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonException;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestRoute;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * REST under {@code /api/plugins/scoring}: leads (list, one with its reasons and score history, the intake), the
 * points model, the model registry (train, roll back) and performance. The caller's mistakes answer 400 with words;
 * an id of no lead of the company answers 404.
 */
public final class ScoringRest {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private ScoringRest() {
    }

    /** {@code GET /leads?min=&max=&q=&days=&limit=&offset=}: leads (that came in the last {@code days}), best first. */
    @Extension
    public static class ListLeads extends RestRoute {
        public ListLeads() {
            super(HttpMethod.GET, "/leads", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Integer min = number(request, "min", 0, 100);
            Integer max = number(request, "max", 0, 101);
            Integer limit = number(request, "limit", 1, 500);
            Integer offset = number(request, "offset", 0, 1_000_000);
            Integer days = number(request, "days", 1, 3650);
            Models.Current model = Models.current(ctx);
            JsonArray out = Json.createArray();
            for (Leads.Lead lead : Leads.page(ctx, min, max, request.query("q").orElse(null),
                    days == null ? null : Instant.now().minus(java.time.Duration.ofDays(days)),
                    limit == null ? 50 : limit, offset == null ? 0 : offset)) {
                out.set(out.length(), json(lead, model));
            }
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /leads/{id}}: a lead with its facts, its score's reasons and the score's history. */
    @Extension
    public static class GetLead extends RestRoute {
        public GetLead() {
            super(HttpMethod.GET, "/leads/{id}", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Leads.Lead lead = lead(ctx, request);
            JsonObject o = json(lead, Models.current(ctx));
            o.put("facts", (JsonValue) Json.instance().parse(LeadJson.write(lead.facts())));
            JsonArray history = Json.createArray();
            for (Leads.Change c : Leads.changes(ctx, lead.id(), 50)) {
                JsonObject h = Json.createObject();
                h.put("at", c.at().toString());
                if (c.from() != null) {
                    h.put("from", c.from());
                }
                h.put("to", c.to());
                h.put("model", c.model());
                h.put("reasons", (JsonValue) Json.instance().parse(LeadJson.reasons(c.reasons())));
                history.set(history.length(), h);
            }
            o.put("history", history);
            JsonArray duplicates = Json.createArray();
            for (Leads.Duplicate d : Leads.duplicates(ctx, lead.id(), 10)) {
                JsonObject dup = Json.createObject();
                dup.put("id", d.id().toString());
                dup.put("source", d.source());
                put(dup, "name", d.name());
                put(dup, "email", d.email());
                dup.put("sameEmail", d.sameEmail());
                dup.put("reason", d.reason());
                duplicates.set(duplicates.length(), dup);
            }
            o.put("duplicates", duplicates);
            Map<String, Object> crm = CrmSync.ofLead(ctx, lead.id());
            if (crm != null) {
                JsonObject c = Json.createObject();
                c.put("score", ((Number) crm.get("points")).intValue());
                c.put("band", (String) crm.get("band"));
                if (crm.get("written_at") != null) {
                    c.put("writtenAt", Leads.instant(crm.get("written_at")).toString());
                }
                put(c, "error", (String) crm.get("error"));
                o.put("crm", c);
            }
            return PluginResponse.json(o.toJson());
        }
    }

    /**
     * {@code POST /leads}: a lead from a web form, scored before the answer goes back. An {@code Idempotency-Key}
     * header makes a retry answer the lead the first post made (200) instead of making another.
     */
    @Extension
    public static class Intake extends RestRoute {
        public Intake() {
            super(HttpMethod.POST, "/leads", ScoringExtensions.INTAKE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            String key = request.headers().get("idempotency-key");
            if (key != null && (key.isBlank() || key.length() > 200)) {
                throw PluginProblem.badRequest("Idempotency-Key is 1 to 200 characters.");
            }
            if (key != null) {
                Optional<UUID> earlier = Intakes.lead(ctx, key);
                if (earlier.isPresent()) {
                    return PluginResponse.json(200, json(Leads.get(ctx, earlier.get()).orElseThrow(),
                            Models.current(ctx)).toJson());
                }
            }
            Leads.Incoming incoming = intake(request.body(), key);
            List<Leads.Lead> stored = Leads.upsert(ctx, List.of(incoming));
            Leads.Lead lead = stored.isEmpty()
                    ? Leads.find(ctx, incoming.source(), incoming.externalId()).orElseThrow()
                    : stored.get(0);
            Scoring.score(ctx, List.of(lead), Instant.now());
            if (key != null) {
                Intakes.remember(ctx, key, lead.id());
            }
            QualityWatch.check(ctx, java.util.Set.of("intake"), Instant.now());
            return PluginResponse.json(201, json(Leads.get(ctx, lead.id()).orElseThrow(), Models.current(ctx))
                    .toJson());
        }
    }

    /**
     * {@code POST /leads/import}: a CSV file of leads (header row; email required; up to {@value CsvImport#MAX_ROWS}
     * rows). The good rows are stored and scored; every other row is reported with its line and why, and left out
     * whole. A file that cannot be read at all answers 400 and stores nothing.
     */
    @Extension
    public static class Import extends RestRoute {
        public Import() {
            super(HttpMethod.POST, "/leads/import", ScoringExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            CsvImport.Result read;
            try {
                read = CsvImport.read(request.body(), ctx.tenant().timezone(), Instant.now());
            } catch (CsvImport.BadFile e) {
                throw PluginProblem.badRequest(e.getMessage());
            }
            List<Leads.Lead> changed = Scoring.importLeads(ctx, read);
            JsonObject o = Json.createObject();
            o.put("rows", read.leads().size() + read.errors().size());
            o.put("loaded", read.leads().size());
            o.put("changed", changed.size());
            JsonArray errors = Json.createArray();
            for (CsvImport.RowError e : read.errors()) {
                JsonObject row = Json.createObject();
                row.put("line", e.line());
                row.put("message", e.message());
                errors.set(errors.length(), row);
            }
            o.put("errors", errors);
            JsonArray ignored = Json.createArray();
            read.ignoredColumns().forEach(c -> ignored.set(ignored.length(), c));
            o.put("ignoredColumns", ignored);
            return PluginResponse.json(o.toJson());
        }
    }

    /** {@code GET /rules}: the points model as JSON, with its version. */
    @Extension
    public static class GetRules extends RestRoute {
        public GetRules() {
            super(HttpMethod.GET, "/rules", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            return PluginResponse.json(Models.rules(ctx).json());
        }
    }

    /** {@code PUT /rules}: replaces the points model (a new version, audited); every lead is re-scored soon after. */
    @Extension
    public static class PutRules extends RestRoute {
        public PutRules() {
            super(HttpMethod.PUT, "/rules", ScoringExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            if (Models.rulesFromSettings(ctx)) {
                throw new PluginProblem(409, "Conflict", "The points model is set in the company's scoring settings"
                        + " (points-model, e.g. from its manifest): change it there.");
            }
            try {
                Models.saveRules(ctx, request.body());
            } catch (IllegalArgumentException e) {
                throw PluginProblem.badRequest(e.getMessage());
            }
            Scoring.requestRescore(ctx);
            return PluginResponse.json(Models.rules(ctx).json());
        }
    }

    /** {@code GET /models}: the registry, newest first, and what training says (or why no model is used yet). */
    @Extension
    public static class ListModels extends RestRoute {
        public ListModels() {
            super(HttpMethod.GET, "/models", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            return PluginResponse.json(Models.registryJson(ctx));
        }
    }

    /** {@code POST /models/train}: trains a challenger now, as a job; its progress shows in {@code GET /models}. */
    @Extension
    public static class Train extends RestRoute {
        public Train() {
            super(HttpMethod.POST, "/models/train", ScoringExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            if (!Models.requestTraining(ctx)) {
                throw new PluginProblem(409, "Conflict", "A training run is under way; its progress shows in GET"
                        + " /models.");
            }
            return PluginResponse.json(202, Models.registryJson(ctx));
        }
    }

    /**
     * {@code POST /models/rollback}: the champion steps down for the one it replaced (or the points model); every
     * lead is re-scored soon after.
     */
    @Extension
    public static class Rollback extends RestRoute {
        public Rollback() {
            super(HttpMethod.POST, "/models/rollback", ScoringExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            String segment = request.query("segment").orElse(Models.SEGMENT);
            if (segment.length() > 300) {
                throw PluginProblem.badRequest("segment is at most 300 characters, e.g. channel=Google Ads.");
            }
            if (!Models.rollback(ctx, segment)) {
                throw new PluginProblem(409, "Conflict", Models.SEGMENT.equals(segment)
                        ? "No model is deployed: the points model scores already."
                        : "No model of its own scores the segment " + segment + ".");
            }
            Scoring.requestRescore(ctx);
            return PluginResponse.json(Models.registryJson(ctx));
        }
    }

    /** {@code GET /quality?days=}: data quality by source over the leads that came in the last {@code days} (30). */
    @Extension
    public static class QualityBySource extends RestRoute {
        public QualityBySource() {
            super(HttpMethod.GET, "/quality", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            Integer days = number(request, "days", 1, 3650);
            JsonArray out = Json.createArray();
            for (Map<String, Object> row : Leads.qualityBySource(ctx, Instant.now().minus(java.time.Duration.ofDays(
                    days == null ? 30 : days)))) {
                JsonObject o = Json.createObject();
                row.forEach((k, v) -> {
                    if (v instanceof Number n) {
                        o.put(camel(k), n.doubleValue());
                    } else if (v != null) {
                        o.put(camel(k), v.toString());
                    }
                });
                out.set(out.length(), o);
            }
            return PluginResponse.json(out.toJson());
        }

        private static String camel(String column) {
            StringBuilder sb = new StringBuilder();
            boolean up = false;
            for (char c : column.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    sb.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            return sb.toString();
        }
    }

    /** {@code GET /performance}: conversion by score band. */
    @Extension
    public static class Performance extends RestRoute {
        public Performance() {
            super(HttpMethod.GET, "/performance", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            for (Map<String, Object> row : Leads.bands(ctx)) {
                JsonObject o = Json.createObject();
                int band = ((Number) row.get("band")).intValue();
                long leads = ((Number) row.get("leads")).longValue();
                long converted = ((Number) row.get("converted")).longValue();
                o.put("band", band + "-" + (band == 90 ? 100 : band + 9));
                o.put("leads", leads);
                o.put("converted", converted);
                o.put("rate", leads == 0 ? 0 : (double) converted / leads);
                out.set(out.length(), o);
            }
            return PluginResponse.json(out.toJson());
        }
    }

    /** {@code GET /performance/months}: the AUC of each month's new leads, the last 12 months. */
    @Extension
    public static class PerformanceByMonth extends RestRoute {
        public PerformanceByMonth() {
            super(HttpMethod.GET, "/performance/months", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            JsonArray out = Json.createArray();
            for (ScoreTrend.Month m : ScoreTrend.aucByMonth(ctx, ScoringSettings.of(ctx).horizonDays(),
                    Instant.now())) {
                JsonObject o = Json.createObject();
                o.put("month", m.month().toString());
                o.put("leads", m.leads());
                o.put("converted", m.converted());
                if (m.auc() != null) {
                    o.put("auc", m.auc());
                }
                o.put("maturing", m.maturing());
                out.set(out.length(), o);
            }
            return PluginResponse.json(out.toJson());
        }
    }

    /**
     * {@code GET /drift}: the population stability index of each input, the last 30 days' leads against the deployed
     * model's training data; 404 while no trained model with a reference scores or too few leads came in.
     */
    @Extension
    public static class InputDriftReport extends RestRoute {
        public InputDriftReport() {
            super(HttpMethod.GET, "/drift", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            InputDrift.Check check = InputDrift.check(ctx, Instant.now()).orElseThrow(() -> PluginProblem.notFound(
                    "No drift to report: no trained model scores yet, or fewer than " + InputDrift.MIN_LEADS
                            + " leads came in during the last 30 days."));
            JsonObject o = Json.createObject();
            o.put("model", "ml-" + check.version());
            o.put("leads", check.report().rows());
            o.put("verdict", check.report().verdict());
            o.put("maxPsi", check.report().maxPsi());
            o.put("words", check.report().words());
            JsonArray features = Json.createArray();
            for (var shift : check.report().features()) {
                JsonObject f = Json.createObject();
                f.put("feature", shift.feature());
                f.put("label", shift.label());
                f.put("psi", shift.psi());
                f.put("verdict", shift.verdict());
                features.set(features.length(), f);
            }
            o.put("features", features);
            return PluginResponse.json(o.toJson());
        }
    }

    /** {@code GET /crm-sync}: where writing scores back to the CRM stands. */
    @Extension
    public static class CrmSyncStatus extends RestRoute {
        public CrmSyncStatus() {
            super(HttpMethod.GET, "/crm-sync", ScoringExtensions.READ);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            CrmSync.Summary s = CrmSync.summary(ctx);
            JsonObject o = Json.createObject();
            o.put("enabled", s.enabled());
            JsonArray targets = Json.createArray();
            for (var t : s.targets()) {
                JsonObject target = Json.createObject();
                target.put("source", t.source());
                target.put("name", t.name());
                target.put("describe", t.describe());
                targets.set(targets.length(), target);
            }
            o.put("targets", targets);
            o.put("written", s.written());
            o.put("refused", s.refused());
            o.put("waiting", s.waiting());
            if (s.lastRun() != null) {
                o.put("lastRun", (JsonValue) Json.instance().parse(s.lastRun()));
            }
            return PluginResponse.json(o.toJson());
        }
    }

    /** {@code POST /crm-sync}: write what changed now instead of within 15 minutes. */
    @Extension
    public static class CrmSyncNow extends RestRoute {
        public CrmSyncNow() {
            super(HttpMethod.POST, "/crm-sync", ScoringExtensions.WRITE);
        }

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            ctx.scheduler().runLater(CrmSync.JOB, java.time.Duration.ZERO);
            return PluginResponse.json(202, "{\"requested\":true}");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static JsonObject json(Leads.Lead lead, Models.Current model) {
        JsonObject o = Json.createObject();
        o.put("id", lead.id().toString());
        o.put("source", lead.source());
        put(o, "email", lead.email());
        put(o, "name", lead.name());
        put(o, "company", lead.company());
        o.put("createdAt", lead.createdAt().toString());
        if (lead.convertedAt() != null) {
            o.put("convertedAt", lead.convertedAt().toString());
        }
        if (lead.points() != null) {
            o.put("score", lead.points());
            o.put("band", model.band(lead.points()));
        }
        if (lead.probability() != null) {
            o.put("probability", lead.probability());
        }
        put(o, "model", lead.model());
        JsonArray reasons = Json.createArray();
        for (Reason r : lead.reasons()) {
            reasons.set(reasons.length(), r.words());
        }
        o.put("reasons", reasons);
        if (lead.quality() != null) {
            o.put("quality", lead.quality());
            JsonArray issues = Json.createArray();
            lead.qualityIssues().forEach(w -> issues.set(issues.length(), w));
            o.put("qualityIssues", issues);
        }
        return o;
    }

    /** The intake's body: an email and what the form asked, each field checked. */
    static Leads.Incoming intake(String body, String key) {
        JsonObject o;
        try {
            JsonValue v = body == null || body.isBlank() ? null : Json.instance().parse(body);
            if (v == null || v.getType() != JsonType.OBJECT) {
                throw PluginProblem.badRequest("The body is a JSON object: {\"email\": ..., \"name\": ..., ...}.");
            }
            o = (JsonObject) v;
        } catch (JsonException e) {
            throw PluginProblem.badRequest("The body is not JSON: " + e.getMessage());
        }
        String email = text(o, "email", 320);
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw PluginProblem.badRequest("email is required and must be an address, e.g. ada@example.com.");
        }
        Integer employees = count(o, "employees");
        Integer pageViews = count(o, "pageViews");
        Integer emailOpens = count(o, "emailOpens");
        String channel = text(o, "channel", 50);
        Instant now = Instant.now();
        LeadFacts facts = new LeadFacts(null, now, channel == null ? "web-form" : channel, text(o, "jobTitle", 200),
                employees, text(o, "industry", 100), text(o, "country", 60), text(o, "form", 200), pageViews,
                emailOpens, email.toLowerCase(java.util.Locale.ROOT));
        // a lead without a key is one per address: a second post of the same address updates it
        String external = key != null ? "key:" + key : "email:" + email.toLowerCase(java.util.Locale.ROOT);
        return new Leads.Incoming("intake", external, email, text(o, "name", 300), text(o, "company", 300),
                text(o, "phone", 100), facts,
                now, null);
    }

    private static String text(JsonObject o, String key, int max) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return null;
        }
        if (o.get(key).getType() != JsonType.STRING) {
            throw PluginProblem.badRequest(key + " is text.");
        }
        String s = o.getString(key).strip();
        if (s.length() > max) {
            throw PluginProblem.badRequest(key + " is at most " + max + " characters.");
        }
        return s.isEmpty() ? null : s;
    }

    private static Integer count(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return null;
        }
        if (o.get(key).getType() != JsonType.NUMBER) {
            throw PluginProblem.badRequest(key + " is a number.");
        }
        double d = o.getNumber(key);
        if (d < 0 || d > 10_000_000 || d != Math.rint(d)) {
            throw PluginProblem.badRequest(key + " is a whole number from 0 to 10,000,000.");
        }
        return (int) d;
    }

    private static Integer number(PluginRequest request, String name, int min, int max) {
        Optional<String> text = request.query(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.get().strip());
            if (n < min || n > max) {
                throw PluginProblem.badRequest(name + " is between " + min + " and " + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw PluginProblem.badRequest(name + " is a whole number.");
        }
    }

    private static Leads.Lead lead(PluginContext ctx, PluginRequest request) {
        UUID id;
        try {
            id = UUID.fromString(request.pathParams().get("id"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw PluginProblem.notFound("There is no such lead.");
        }
        return Leads.get(ctx, id).orElseThrow(() -> PluginProblem.notFound("There is no such lead."));
    }

    private static void put(JsonObject o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
