package io.catalyst.plugins.calls;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored call, as the screens and the API show it (the transcript's text and analysis are read separately). */
record SalesCall(UUID id, String source, String externalId, OffsetDateTime startedAt, Integer durationSeconds,
                 String direction, Boolean answered, String rep, String customerName, String phone, String email,
                 String sourceName, String campaign, String outcome, String recordingUrl, String contactId,
                 String contactName, String dealId, String dealName, String dealStage, BigDecimal dealAmount,
                 String dealResult, String transcriptFormat, Double talkRatio, Double score, String analysisError,
                 String followUp) {

    static final String COLUMNS = "id, source, external_id, started_at, duration_s, direction, answered, rep,"
            + " customer_name, phone, email, source_name, campaign, outcome, recording_url, contact_id, contact_name,"
            + " deal_id, deal_name, deal_stage, deal_amount, deal_result, transcript_format, talk_ratio, score,"
            + " analysis_error, follow_up";

    static SalesCall of(Map<String, Object> r) {
        return new SalesCall((UUID) r.get("id"), (String) r.get("source"), (String) r.get("external_id"),
                (OffsetDateTime) r.get("started_at"), (Integer) r.get("duration_s"), (String) r.get("direction"),
                (Boolean) r.get("answered"), (String) r.get("rep"), (String) r.get("customer_name"),
                (String) r.get("phone"), (String) r.get("email"), (String) r.get("source_name"),
                (String) r.get("campaign"), (String) r.get("outcome"), (String) r.get("recording_url"),
                (String) r.get("contact_id"), (String) r.get("contact_name"), (String) r.get("deal_id"),
                (String) r.get("deal_name"), (String) r.get("deal_stage"), (BigDecimal) r.get("deal_amount"),
                (String) r.get("deal_result"), (String) r.get("transcript_format"), number(r.get("talk_ratio")),
                number(r.get("score")), (String) r.get("analysis_error"), (String) r.get("follow_up"));
    }

    /** Who the customer is, in words. */
    String customer() {
        return contactName != null ? contactName : customerName != null ? customerName
                : email != null ? email : phone != null ? phone : "Unknown caller";
    }

    boolean hasTranscript() {
        return transcriptFormat != null;
    }

    static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }
}
