package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.util.Map;

/** Calls, trackers and the team's figures as the API shows them. */
final class CallsJson {

    private CallsJson() {
    }

    static JsonObject call(SalesCall c) {
        JsonObject o = Json.createObject();
        o.put("id", c.id().toString());
        o.put("source", c.source());
        o.put("externalId", c.externalId());
        o.put("startedAt", c.startedAt().toString());
        put(o, "durationSeconds", c.durationSeconds());
        put(o, "direction", c.direction());
        put(o, "answered", c.answered());
        put(o, "rep", c.rep());
        o.put("customer", c.customer());
        put(o, "phone", c.phone());
        put(o, "email", c.email());
        put(o, "sourceName", c.sourceName());
        put(o, "campaign", c.campaign());
        put(o, "outcome", c.outcome());
        put(o, "recordingUrl", c.recordingUrl());
        if (c.contactId() != null) {
            JsonObject crm = Json.createObject();
            crm.put("contactId", c.contactId());
            put(crm, "contactName", c.contactName());
            put(crm, "dealId", c.dealId());
            put(crm, "dealName", c.dealName());
            put(crm, "dealStage", c.dealStage());
            put(crm, "dealAmount", c.dealAmount() == null ? null : c.dealAmount().doubleValue());
            put(crm, "dealResult", c.dealResult());
            o.put("crm", crm);
        }
        put(o, "transcriptFormat", c.transcriptFormat());
        put(o, "talkRatio", c.talkRatio());
        put(o, "score", c.score());
        put(o, "analysisError", c.analysisError());
        put(o, "followUp", c.followUp());
        return o;
    }

    /** A call with its analysis: utterances, metrics, tracker hits and scorecard. */
    static JsonObject detail(SalesCall c, Map<String, Object> analysis) {
        JsonObject o = call(c);
        for (String key : new String[] {"utterances", "metrics", "hits", "scorecard"}) {
            Object v = analysis.get(key);
            o.put(key, v == null ? Json.createNull() : Json.instance().parse((String) v));
        }
        return o;
    }

    static JsonObject tracker(Trackers.Stored t) {
        JsonObject o = Json.createObject();
        o.put("id", t.id().toString());
        o.put("name", t.name());
        var phrases = Json.createArray();
        t.phrases().forEach(p -> phrases.set(phrases.length(), p));
        o.put("phrases", phrases);
        o.put("side", t.side() == null ? "EITHER" : t.side().name());
        o.put("segment", t.segment().name());
        return o;
    }

    static void put(JsonObject o, String key, Object v) {
        JsonValue value = v == null ? Json.createNull() : v instanceof Boolean b ? Json.create(b)
                : v instanceof Number n ? Json.create(n.doubleValue()) : Json.create(v.toString());
        o.put(key, value);
    }
}
