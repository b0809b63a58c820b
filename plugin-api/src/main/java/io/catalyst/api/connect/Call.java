package io.catalyst.api.connect;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A phone or video call from a call-tracking or conferencing platform (since 0.9.0), with the provider's record as
 * it came in {@code rawJson}.
 *
 * @param id              the provider's id of the call
 * @param contactId       the CRM contact the provider linked it to, or null
 * @param campaignId      the ad campaign that brought it (a tracking number's source), or null
 * @param startedAt       when it started
 * @param durationSeconds how long it lasted, or null
 * @param direction       {@code inbound} or {@code outbound}, or null
 * @param answered        whether someone answered, or null when unknown
 * @param caller          the customer's phone number, or null
 * @param customerName    the customer's name as the provider knows it, or null
 * @param customerEmail   the customer's email, or null
 * @param trackingNumber  the number the customer dialled (call tracking), or null
 * @param sourceName      the marketing source the provider attributes it to, e.g. {@code Google Ads}, or null
 * @param agent           who took or made it on the company's side (an email or a name), or null
 * @param outcome         the provider's own word for how it ended (answered, missed, voicemail...), or null
 * @param recordingUrl    where the recording is, or null
 * @param transcript      the transcript as the provider gives it: plain text with speaker labels, or a diarised
 *                        JSON document (AssemblyAI's or Deepgram's shape); null when there is none
 */
public record Call(String id, String contactId, String campaignId, OffsetDateTime startedAt, Integer durationSeconds,
                   String direction, Boolean answered, String caller, String customerName, String customerEmail,
                   String trackingNumber, String sourceName, String agent, String outcome, String recordingUrl,
                   String transcript, String rawJson) {

    public Call {
        Objects.requireNonNull(id, "id");
    }
}
