package io.catalyst.plugins.calls;

import io.catalyst.api.PluginContext;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM as calls need it: contacts by phone and email, and each contact's latest deal, read from the warehouse's
 * records since the last read. A call finds its contact by the provider's contact id, else by the caller's number
 * (its last nine digits, so "+44 20 7946 0018" and "020 7946 0018" are one number), else by email.
 */
final class CrmIndex {

    /** Deal stages that count as won or lost; any other is open. HubSpot's names and common ones. */
    private static final List<String> WON = List.of("closedwon", "won", "closed won");
    private static final List<String> LOST = List.of("closedlost", "lost", "closed lost");

    /** A call's CRM side. */
    record Match(String source, String contactId, String contactName, String dealId, String dealName,
                 String dealStage, BigDecimal dealAmount, String dealResult) {
    }

    private CrmIndex() {
    }

    /** Reads contacts and deals changed since the last read. */
    static void refresh(PluginContext ctx) {
        String cursor = State.get(ctx, "cursor.contacts");
        RecordPage page;
        do {
            page = ctx.metrics().records(new RecordQuery(RecordQuery.Kind.CONTACTS, null, cursor, 1000));
            for (RecordPage.WarehouseRecord r : page.records()) {
                Map<String, Object> f = r.fields();
                String properties = text(f.get("properties"));
                ctx.data().update("insert into crm_contact (source, external_id, name, email, phone_key)"
                                + " values (?, ?, ?, ?, ?) on conflict (tenant_id, source, external_id) do update"
                                + " set name = excluded.name, email = excluded.email, phone_key = excluded.phone_key",
                        r.source(), r.id(), text(f.get("name")), text(f.get("email")),
                        phoneKey(property(properties, "phone")));
            }
            cursor = page.next();
            State.put(ctx, "cursor.contacts", cursor);
        } while (page.more());

        cursor = State.get(ctx, "cursor.deals");
        do {
            page = ctx.metrics().records(new RecordQuery(RecordQuery.Kind.DEALS, null, cursor, 1000));
            for (RecordPage.WarehouseRecord r : page.records()) {
                Map<String, Object> f = r.fields();
                ctx.data().update("insert into crm_deal (source, external_id, contact_id, name, stage, amount,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, cast(? as timestamptz))"
                                + " on conflict (tenant_id, source, external_id) do update set"
                                + " contact_id = excluded.contact_id, name = excluded.name, stage = excluded.stage,"
                                + " amount = excluded.amount, created_at = excluded.created_at",
                        r.source(), r.id(), text(f.get("contact_id")), text(f.get("name")), text(f.get("stage")),
                        f.get("amount") == null ? null : new BigDecimal(f.get("amount").toString()),
                        text(f.get("created_at")));
            }
            cursor = page.next();
            State.put(ctx, "cursor.deals", cursor);
        } while (page.more());
    }

    /** The contact of a call and that contact's latest deal, if the CRM knows them. */
    static Optional<Match> match(PluginContext ctx, String contactId, String phone, String email) {
        List<Map<String, Object>> rows = List.of();
        if (contactId != null && !contactId.isBlank()) {
            rows = ctx.data().query("select source, external_id, name from crm_contact where external_id = ?"
                    + " limit 1", contactId);
        }
        String key = phoneKey(phone);
        if (rows.isEmpty() && key != null) {
            rows = ctx.data().query("select source, external_id, name from crm_contact where phone_key = ?"
                    + " order by external_id limit 1", key);
        }
        if (rows.isEmpty() && email != null && !email.isBlank()) {
            rows = ctx.data().query("select source, external_id, name from crm_contact where lower(email) = ?"
                    + " order by external_id limit 1", email.trim().toLowerCase(Locale.ROOT));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> c = rows.get(0);
        String source = (String) c.get("source");
        String id = (String) c.get("external_id");
        List<Map<String, Object>> deals = ctx.data().query("select external_id, name, stage, amount from crm_deal"
                + " where source = ? and contact_id = ? order by created_at desc nulls last, external_id limit 1",
                source, id);
        if (deals.isEmpty()) {
            return Optional.of(new Match(source, id, (String) c.get("name"), null, null, null, null, null));
        }
        Map<String, Object> d = deals.get(0);
        String stage = (String) d.get("stage");
        return Optional.of(new Match(source, id, (String) c.get("name"), (String) d.get("external_id"),
                (String) d.get("name"), stage, (BigDecimal) d.get("amount"), result(stage)));
    }

    static String result(String stage) {
        if (stage == null) {
            return null;
        }
        String s = stage.toLowerCase(Locale.ROOT);
        return WON.contains(s) ? "won" : LOST.contains(s) ? "lost" : "open";
    }

    /** The last nine digits of a number, or null when it has fewer than seven. */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return null;
        }
        return digits.length() <= 9 ? digits : digits.substring(digits.length() - 9);
    }

    private static String property(String json, String name) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            elemental.json.JsonObject o = elemental.json.Json.parse(json);
            return o.hasKey(name) && o.get(name).getType() == elemental.json.JsonType.STRING ? o.getString(name)
                    : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
