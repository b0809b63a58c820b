package io.catalyst.plugins.scoring;

import elemental.json.Json;
import elemental.json.JsonException;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Leads' facts and reasons as JSON: as stored, as a CRM's properties give them, as the intake takes them. */
final class LeadJson {

    /** Channel ids a CRM's source detail may name directly (the sandbox does; a real HubSpot names the campaign). */
    private static final Set<String> CHANNELS = Set.of("google-ads", "meta-ads", "linkedin-ads", "tiktok-ads",
            "microsoft-ads", "web-form");

    private LeadJson() {
    }

    static String write(LeadFacts f) {
        JsonObject o = Json.createObject();
        put(o, "channel", f.channel());
        put(o, "jobTitle", f.jobTitle());
        put(o, "employees", f.employees());
        put(o, "industry", f.industry());
        put(o, "country", f.country());
        put(o, "form", f.form());
        put(o, "pageViews", f.pageViews());
        put(o, "emailOpens", f.emailOpens());
        put(o, "email", f.email());
        return o.toJson();
    }

    static LeadFacts read(String id, Instant createdAt, String json) {
        JsonObject o = Json.parse(json);
        return new LeadFacts(id, createdAt, text(o, "channel"), text(o, "jobTitle"), count(o, "employees"),
                text(o, "industry"), text(o, "country"), text(o, "form"), count(o, "pageViews"),
                count(o, "emailOpens"), text(o, "email"));
    }

    /**
     * A contact's facts from its CRM properties (HubSpot's names; every value there is text). A property that is
     * missing or unreadable stays unknown rather than failing the contact.
     */
    static LeadFacts fromProperties(String id, Instant createdAt, String email, String properties) {
        JsonObject p;
        try {
            JsonValue v = properties == null ? null : Json.instance().parse(properties);
            p = v != null && v.getType() == JsonType.OBJECT ? (JsonObject) v : Json.createObject();
        } catch (JsonException e) {
            p = Json.createObject();
        }
        String detail = text(p, "hs_analytics_source_data_1");
        String channel = detail != null && CHANNELS.contains(detail) ? detail : source(text(p, "hs_analytics_source"));
        return new LeadFacts(id, createdAt, channel, text(p, "jobtitle"), count(p, "numberofemployees"),
                text(p, "industry"), country(text(p, "country")), text(p, "recent_conversion_event_name"),
                count(p, "hs_analytics_num_page_views"), count(p, "hs_email_open"), email);
    }

    /** The phone a HubSpot contact gave: {@code phone}, else {@code mobilephone}; as given, checked by Quality. */
    static String phone(String properties) {
        try {
            JsonValue v = properties == null ? null : Json.instance().parse(properties);
            if (v == null || v.getType() != JsonType.OBJECT) {
                return null;
            }
            String phone = text((JsonObject) v, "phone");
            return phone != null ? phone : text((JsonObject) v, "mobilephone");
        } catch (JsonException e) {
            return null;
        }
    }

    /** HubSpot's original-source values, e.g. PAID_SEARCH, as the words a person reads: paid-search. */
    private static String source(String hubspot) {
        return hubspot == null ? null : hubspot.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String country(String value) {
        return value == null ? null : value.length() == 2 ? value.toUpperCase(Locale.ROOT) : value;
    }

    static String reasons(List<Reason> reasons) {
        var a = Json.createArray();
        for (Reason r : reasons) {
            JsonObject o = Json.createObject();
            o.put("feature", r.feature());
            o.put("label", r.label());
            o.put("value", r.value());
            o.put("effect", Math.round(r.effect() * 10) / 10.0);
            o.put("words", r.words());
            a.set(a.length(), o);
        }
        return a.toJson();
    }

    static List<Reason> reasons(String json) {
        List<Reason> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        var a = Json.instance().<elemental.json.JsonArray>parse(json);
        for (int i = 0; i < a.length(); i++) {
            JsonObject o = a.getObject(i);
            out.add(new Reason(o.getString("feature"), o.getString("label"), o.getString("value"),
                    o.getNumber("effect")));
        }
        return out;
    }

    static String text(JsonObject o, String key) {
        if (!o.hasKey(key) || o.get(key).getType() == JsonType.NULL) {
            return null;
        }
        JsonValue v = o.get(key);
        String s = v.getType() == JsonType.STRING ? v.asString() : v.toJson();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** A whole, non-negative count (text or number); anything else is unknown. */
    static Integer count(JsonObject o, String key) {
        String s = text(o, key);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d) ? (int) d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void put(JsonObject o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void put(JsonObject o, String key, Integer value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
