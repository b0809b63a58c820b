package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.plugins.scoring.model.LeadFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the CRM's contacts and deals in as leads: reads the warehouse's records changed since the last read (the
 * cursors are kept in {@code scoring_state}), upserts the leads, marks conversions and scores every lead that is
 * new or changed. Runs when a sync loaded records, and before every re-scoring, so nothing waits for a poll.
 */
final class Ingest {

    /** Stages at which a contact counts as converted: sales took it on. */
    private static final Set<String> CONVERTED = Set.of("opportunity", "customer");

    private Ingest() {
    }

    /** What one run read and scored. */
    record Result(int contacts, int deals, int scored) {
    }

    static Result run(PluginContext ctx) {
        int contacts = 0;
        int scored = 0;
        Set<String> sources = new java.util.HashSet<>();
        String cursor = State.get(ctx, "cursor.contacts");
        RecordPage page;
        do {
            page = ctx.metrics().records(new RecordQuery(RecordQuery.Kind.CONTACTS, null, cursor, 1000));
            List<Leads.Incoming> incoming = new ArrayList<>();
            for (RecordPage.WarehouseRecord r : page.records()) {
                incoming.add(contact(r));
                sources.add(r.source());
            }
            contacts += incoming.size();
            scored += Scoring.score(ctx, Leads.upsert(ctx, incoming), Instant.now());
            cursor = page.next();
            State.put(ctx, "cursor.contacts", cursor); // after the page is stored: a crash re-reads, never skips
        } while (page.more());

        int deals = 0;
        String dealCursor = State.get(ctx, "cursor.deals");
        do {
            page = ctx.metrics().records(new RecordQuery(RecordQuery.Kind.DEALS, null, dealCursor, 1000));
            Map<String, Map<String, Instant>> bySource = new HashMap<>();
            for (RecordPage.WarehouseRecord r : page.records()) {
                Object contact = r.fields().get("contact_id");
                Instant opened = at(r.fields().get("created_at"));
                if (contact != null && opened != null) {
                    bySource.computeIfAbsent(r.source(), s -> new HashMap<>()).merge(contact.toString(), opened,
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            deals += page.records().size();
            bySource.forEach((source, opened) -> Leads.converted(ctx, source, opened));
            dealCursor = page.next();
            State.put(ctx, "cursor.deals", dealCursor);
        } while (page.more());
        QualityWatch.check(ctx, sources, Instant.now());
        if (contacts > 0 && Models.waitingForHistory(ctx)) {
            Models.requestTraining(ctx); // new leads: see at once whether the history is enough for a model now
        }
        return new Result(contacts, deals, scored);
    }

    /** A contact as a lead: its facts from the CRM's own properties, converted once sales took it on. */
    static Leads.Incoming contact(RecordPage.WarehouseRecord r) {
        Map<String, Object> f = r.fields();
        Instant created = at(f.get("created_at"));
        created = created == null ? r.changedAt() : created;
        String email = text(f.get("email"));
        String properties = text(f.get("properties"));
        LeadFacts facts = LeadJson.fromProperties(null, created, email, properties);
        Instant converted = null;
        String stage = text(f.get("lifecycle_stage"));
        if (stage != null && CONVERTED.contains(stage)) {
            converted = stageDate(properties, "opportunity");
            converted = converted != null ? converted : stageDate(properties, "customer");
            converted = converted != null ? converted : at(f.get("updated_at"));
        }
        return new Leads.Incoming(r.source(), r.id(), email, text(f.get("name")), text(f.get("company")),
                LeadJson.phone(properties), facts,
                created, converted);
    }

    private static Instant stageDate(String properties, String stage) {
        if (properties == null) {
            return null;
        }
        try {
            elemental.json.JsonObject p = elemental.json.Json.parse(properties);
            return at(LeadJson.text(p, "hs_lifecyclestage_" + stage + "_date"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Instant at(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.toString()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Instant.parse(value.toString());
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
