package io.catalyst.plugins.recommendations;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.TenantInfo;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.recommendations.rules.Engine;
import io.catalyst.plugins.recommendations.rules.Finding;
import io.catalyst.plugins.recommendations.rules.Reader;
import io.catalyst.plugins.recommendations.rules.Stats;
import io.catalyst.plugins.recommendations.rules.Targets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the plugin does for a company: evaluate the rules, store what they find, and act on recommendations. */
final class Recommendations {

    static final String EVALUATE_JOB = "evaluate";
    static final String MEASURE_JOB = "measure-outcomes";
    /** Reading figures on a user's behalf needs the host's permission; background work always may. */
    static final String FIGURES = "dashboards:read";
    static final String ACT = "recommendations:act";
    static final String TARGET_CPA = "target-cpa";
    static final String MONTHLY_BUDGET = "monthly-budget";
    static final String ZERO_CONVERSION_SPEND = "zero-conversion-spend";
    /** Model calls per evaluation at most: the rest keep the template's words. */
    static final int MODEL_CALLS_PER_RUN = 20;
    static final List<String> DISMISS_REASONS = List.of("not-relevant", "already-done", "disagree-with-data",
            "intentional", "other");

    private Recommendations() {
    }

    static String link(UUID id) {
        return "plugins/recommendations/recommendation?id=" + id;
    }

    /** The company's goals first, the plugin's settings where a goal is unset. */
    static Targets targets(PluginContext ctx) {
        TenantInfo.Goals goals = ctx.tenant().goals();
        Double settingCpa = decimal(ctx.settings().get(TARGET_CPA));
        // boxed on both sides: a primitive branch would unbox a missing setting into a NullPointerException
        Double cpa = goals.targetCpa() != null ? Double.valueOf(goals.targetCpa().doubleValue()) : settingCpa;
        String cpaSource = goals.targetCpa() != null ? "goals" : settingCpa != null ? "setting" : null;
        Double budget = goals.monthlyBudget() != null ? Double.valueOf(goals.monthlyBudget().doubleValue())
                : decimal(ctx.settings().get(MONTHLY_BUDGET));
        return new Targets(cpa, cpaSource, budget, decimal(ctx.settings().get(ZERO_CONVERSION_SPEND)));
    }

    static Double decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.strip());
            return d.signum() > 0 ? d.doubleValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One evaluation: read, run the rules, and store by the dedupe rules. Answers what the rules found. */
    static List<Finding> evaluate(PluginContext ctx, Instant now) {
        if (ctx.metrics().sources().stream().noneMatch(s -> s.lastLoadedAt() != null)) {
            return List.of(); // no load yet: every figure would read as zero
        }
        Reader.Figures figures = Reader.read(ctx.metrics(), ctx.log());
        List<Finding> found = Engine.run(figures.channels(), figures.spendByChannel(), targets(ctx),
                figures.yesterday());
        String currency = figures.currency() == null ? ctx.tenant().currency() : figures.currency();
        int modelCalls = 0;
        for (Reconcile.Action action : Reconcile.plan(found, RecoStore.existing(ctx), now, ctx.metrics().today())) {
            if (action instanceof Reconcile.Insert insert) {
                Phrasing.Text text = modelCalls++ < MODEL_CALLS_PER_RUN ? Phrasing.phrase(ctx, insert.finding(),
                        currency) : Phrasing.template(insert.finding(), currency);
                RecoStore.insert(ctx, UUID.randomUUID(), insert.finding(), text);
            } else if (action instanceof Reconcile.Update update) {
                Phrasing.Text text = Phrasing.template(update.finding(), currency);
                // a model's words stay while the impact holds within a quarter; a reopened one is phrased anew
                String[] stored = RecoStore.phrasing(ctx, update.id()).orElse(null);
                if (stored != null && "model".equals(stored[1]) && !update.reopen()
                        && Math.abs(update.finding().impact() - Double.parseDouble(stored[2]))
                        <= 0.25 * Math.abs(Double.parseDouble(stored[2]))) {
                    text = new Phrasing.Text(text.title(), stored[0], "model");
                } else if (update.reopen() && modelCalls++ < MODEL_CALLS_PER_RUN) {
                    text = Phrasing.phrase(ctx, update.finding(), currency);
                }
                RecoStore.update(ctx, update.id(), update.finding(), text, update.reopen());
            } else if (action instanceof Reconcile.Resolve resolve) {
                RecoStore.resolve(ctx, resolve.id());
            }
        }
        ctx.log().info(() -> "Recommendations found: " + Engine.counts(found));
        return found;
    }

    // ---- actions: each needs recommendations:act, is audited, and works on live ones only -------------------------

    static Reco live(PluginContext ctx, UUID id) {
        Reco r = RecoStore.get(ctx, id).orElseThrow(() -> PluginProblem.notFound("There is no such recommendation."));
        if (!r.live()) {
            throw new PluginProblem(409, "Already handled", "This recommendation is " + r.status().toLowerCase()
                    + "; only open or snoozed ones can be acted on.");
        }
        return r;
    }

    private static void requireAct(PluginContext ctx) {
        if (ctx.user().isEmpty() || !ctx.isPermitted(ACT)) {
            throw new PluginProblem(403, "Forbidden", "Acting on recommendations needs " + ACT + ".");
        }
    }

    private static String who(PluginContext ctx) {
        return ctx.user().map(u -> u.name()).orElse("API");
    }

    static Reco accept(PluginContext ctx, UUID id, boolean task) {
        requireAct(ctx);
        Reco r = live(ctx, id);
        LocalDate today = ctx.metrics().today();
        Double before = null;
        try { // the baseline lies in the past: the measuring job reads it when the user may not read figures
            if (ctx.isPermitted(FIGURES)) {
                before = Outcomes.measure(ctx.metrics(), r.kind(), r.level(), r.entity(), Outcomes.before(today));
            }
        } catch (MetricsException | SecurityException e) {
            ctx.log().fine(() -> "Outcome baseline left to the measuring job: " + e.getMessage());
        }
        String metric = io.catalyst.plugins.recommendations.rules.Kind.of(r.kind()).outcomeMetric();
        if (!RecoStore.accept(ctx, id, who(ctx), task, metric, before, Outcomes.due(today))) {
            throw new PluginProblem(409, "Already handled", "Someone acted on this recommendation meanwhile.");
        }
        if (task) {
            requestTask(ctx, r);
        }
        ctx.audit().record("recommendation:accepted", "recommendation/" + id, "{\"status\":\"" + r.status() + "\"}",
                "{\"status\":\"ACCEPTED\",\"task\":" + task + ",\"outcomeMetric\":\"" + metric + "\"}");
        return RecoStore.get(ctx, id).orElseThrow();
    }

    static void requestTask(PluginContext ctx, Reco r) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("impact", r.impact());
        snapshot.put("impactUnit", r.impactUnit());
        snapshot.put("confidence", Stats.round(r.confidence(), 2));
        TaskRequest request = new TaskRequest(dedupeKey(r.id()), cut(r.title(), 200), r.body(), link(r.id()),
                new TaskRequest.Subject("recommendation", r.id().toString(), cut(r.entityLabel(), 200), snapshot),
                r.confidence() >= 0.8 ? TaskRequest.Priority.HIGH : TaskRequest.Priority.NORMAL,
                ctx.user().map(u -> u.id()).orElse(null), "analyst", null, false, false,
                List.of("recommendation", r.kind()));
        ctx.events().publish(TaskRequest.TOPIC, request.toPayload());
    }

    static String dedupeKey(UUID id) {
        return "reco:" + id;
    }

    static Reco dismiss(PluginContext ctx, UUID id, String reason, String note) {
        requireAct(ctx);
        if (!DISMISS_REASONS.contains(reason)) {
            throw PluginProblem.badRequest("reason is one of " + String.join(", ", DISMISS_REASONS));
        }
        if (note != null && note.length() > 1000) {
            throw PluginProblem.badRequest("note is at most 1000 characters");
        }
        Reco r = live(ctx, id);
        if (!RecoStore.dismiss(ctx, id, who(ctx), reason, note == null || note.isBlank() ? null : note.strip())) {
            throw new PluginProblem(409, "Already handled", "Someone acted on this recommendation meanwhile.");
        }
        ctx.audit().record("recommendation:dismissed", "recommendation/" + id, "{\"status\":\"" + r.status() + "\"}",
                "{\"status\":\"DISMISSED\",\"reason\":\"" + reason + "\"}");
        return RecoStore.get(ctx, id).orElseThrow();
    }

    static Reco snooze(PluginContext ctx, UUID id, LocalDate until) {
        requireAct(ctx);
        LocalDate today = ctx.metrics().today();
        if (until == null || !until.isAfter(today) || until.isAfter(today.plusDays(180))) {
            throw PluginProblem.badRequest("until is a date after today and at most 180 days ahead, e.g. "
                    + today.plusDays(7));
        }
        Reco r = live(ctx, id);
        if (!RecoStore.snooze(ctx, id, who(ctx), until)) {
            throw new PluginProblem(409, "Already handled", "Someone acted on this recommendation meanwhile.");
        }
        ctx.audit().record("recommendation:snoozed", "recommendation/" + id, "{\"status\":\"" + r.status() + "\"}",
                "{\"status\":\"SNOOZED\",\"until\":\"" + until + "\"}");
        return RecoStore.get(ctx, id).orElseThrow();
    }

    /** Measures every accepted recommendation whose after-window has passed. Answers how many were measured. */
    static int measureOutcomes(PluginContext ctx) {
        LocalDate today = ctx.metrics().today();
        int n = 0;
        for (Reco r : RecoStore.outcomesDue(ctx, today)) {
            LocalDate accepted = r.outcomeDue().minusDays(Outcomes.DAYS);
            Double before = r.outcomeBefore() != null ? r.outcomeBefore()
                    : Outcomes.measure(ctx.metrics(), r.kind(), r.level(), r.entity(), Outcomes.before(accepted));
            Double after = Outcomes.measure(ctx.metrics(), r.kind(), r.level(), r.entity(), Outcomes.after(accepted));
            RecoStore.measured(ctx, r.id(), before, after);
            n++;
        }
        return n;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
