package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.scoring.model.Reason;
import io.catalyst.plugins.scoring.model.Score;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hot threshold as a trigger: a lead that crosses it raises the event {@code scoring.lead.hot}, and a new lead
 * (of the last {@link #FRESH} days) asks for a task through the task contract, so someone calls while it is warm.
 * Old leads that drift over the line on a re-score raise the event only, and the first score of an old lead (a
 * CRM's history coming in) neither; a run asks for at most {@link #MAX_TASKS} tasks and one more that counts the
 * rest.
 */
final class HotLeads {

    static final String TOPIC = "scoring.lead.hot";
    static final Duration FRESH = Duration.ofDays(14);
    static final int MAX_TASKS = 20;

    private HotLeads() {
    }

    /** Answers the tasks asked for. */
    static int raise(PluginContext ctx, Models.Current model, List<Leads.Lead> scored, Map<UUID, Score> scores,
                     List<Leads.Moved> moved, Instant now) {
        Map<UUID, Leads.Lead> byId = scored.stream().collect(Collectors.toMap(Leads.Lead::id, Function.identity(),
                (a, b) -> a));
        boolean tasks = ScoringSettings.of(ctx).hotLeadTasks();
        int asked = 0;
        int more = 0;
        for (Leads.Moved m : moved) {
            Leads.Lead lead = byId.get(m.id());
            if (lead == null || m.to() < model.hot()) {
                continue;
            }
            boolean fresh = !lead.createdAt().isBefore(now.minus(FRESH));
            // a first score of an old lead is an import of history, not a lead turning hot
            boolean crossed = m.from() == null ? fresh : m.from() < model.hot();
            if (!crossed) {
                continue;
            }
            List<Reason> reasons = scores.get(m.id()).reasons();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("leadId", lead.id().toString());
            event.put("source", lead.source());
            event.put("externalId", lead.externalId());
            event.put("name", name(lead));
            event.put("points", m.to());
            event.put("from", m.from());
            event.put("reasons", reasons.stream().limit(3).map(Reason::words).toList());
            ctx.events().publish(TOPIC, event);
            if (!tasks || !fresh) {
                continue;
            }
            if (asked == MAX_TASKS) {
                more++;
                continue;
            }
            ctx.events().publish(TaskRequest.TOPIC, task(lead, m.to(), reasons).toPayload());
            asked++;
        }
        if (more > 0) {
            ctx.events().publish(TaskRequest.TOPIC, new TaskRequest("hot:more:" + now.atZone(ctx.tenant().timezone())
                    .toLocalDate(), more + " more new leads turned hot", "Too many to ask for one task each: open the"
                    + " leads list, hot first, and share them out.", "plugins/scoring/leads", null,
                    TaskRequest.Priority.HIGH, null, "analyst", null, false, false, List.of("hot lead")).toPayload());
        }
        return asked + (more > 0 ? 1 : 0);
    }

    static TaskRequest task(Leads.Lead lead, int points, List<Reason> reasons) {
        String why = reasons.stream().filter(r -> r.effect() > 0).limit(3).map(Reason::words)
                .collect(Collectors.joining("; "));
        String body = String.format(Locale.ENGLISH, "%s scored %d and is now a hot lead. %s Get in touch while the"
                + " interest is fresh.", name(lead), points, why.isEmpty() ? "" : "Why: " + why + ".");
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("points", points);
        if (lead.email() != null) {
            snapshot.put("email", lead.email());
        }
        return new TaskRequest("hot:" + lead.id(), "Contact " + name(lead) + ": a hot lead (" + points + ")", body,
                "plugins/scoring/lead?id=" + lead.id(), new TaskRequest.Subject("lead", lead.id().toString(),
                name(lead), snapshot), TaskRequest.Priority.HIGH, null, "analyst", null, false, false,
                List.of("hot lead"));
    }

    private static String name(Leads.Lead lead) {
        String who = lead.name() != null && !lead.name().isBlank() ? lead.name()
                : lead.email() != null ? lead.email() : "Lead " + lead.externalId();
        return lead.company() != null && !lead.company().isBlank() ? who + " (" + lead.company() + ")" : who;
    }
}
