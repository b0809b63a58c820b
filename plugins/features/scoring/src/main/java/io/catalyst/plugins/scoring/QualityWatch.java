package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.api.tasks.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks for a task (the task contract) when a source's leads of the last 7 days are poor too often: someone should
 * look at the form, the import or the CRM sync that brings them. One task per source and week.
 */
final class QualityWatch {

    /** A source needs this many leads in the week before its share of poor ones says anything. */
    static final int MIN_LEADS = 20;
    /** The share of poor leads (quality below {@link Quality#POOR}) that asks for a task. */
    static final double POOR_SHARE = 0.25;

    private QualityWatch() {
    }

    /** Looks at these sources' last 7 days; answers the task requests it published. */
    static int check(PluginContext ctx, Collection<String> sources, Instant now) {
        if (sources.isEmpty()) {
            return 0;
        }
        int asked = 0;
        for (Map<String, Object> row : Leads.qualityBySource(ctx, now.minus(Duration.ofDays(7)))) {
            String source = (String) row.get("source");
            long leads = ((Number) row.get("leads")).longValue();
            long poor = ((Number) row.get("poor")).longValue();
            if (!sources.contains(source) || leads < MIN_LEADS || poor < POOR_SHARE * leads) {
                continue;
            }
            var day = now.atZone(ctx.tenant().timezone());
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            String title = String.format(Locale.ENGLISH, "Lead quality: %d of %d leads from %s this week are poor",
                    poor, leads, source);
            String body = String.format(Locale.ENGLISH, "In the last 7 days: %s invalid or missing addresses, %s"
                    + " throwaway addresses, %s shared inboxes, %s without a name or company, %s invalid phone numbers,"
                    + " %s duplicates. Check the form, import or sync that brings %s's leads.", row.get("invalid_email"),
                    row.get("disposable"), row.get("shared_inbox"), row.get("missing_fields"),
                    row.get("invalid_phone"), row.get("duplicates"), source);
            Map<String, Object> snapshot = Map.of("leads", leads, "poor", poor, "quality", row.get("quality"));
            TaskRequest request = new TaskRequest("quality:" + source + ":" + week, title, body,
                    "plugins/scoring/quality", new TaskRequest.Subject("lead-source", source, source, snapshot),
                    TaskRequest.Priority.NORMAL, null, "analyst", null, true, false, List.of("lead quality"));
            ctx.events().publish(TaskRequest.TOPIC, request.toPayload());
            asked++;
        }
        return asked;
    }
}
