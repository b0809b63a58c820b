package io.catalyst.plugins.calls.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A diarised call transcript.
 *
 * @param format         where it came from: one of {@link Transcripts#FORMATS}
 * @param utterances     the utterances, sorted by start time (the constructor sorts them, stably)
 * @param durationMs     the call's duration as the source gave it (0 when unknown); metrics use the larger of this and
 *                       the last utterance's end
 * @param estimatedTimes true when the times were not in the source but estimated from word counts (plain text without
 *                       timestamps): per-minute metrics then reflect the estimate, not the call
 */
public record Transcript(String format, List<Utterance> utterances, long durationMs, boolean estimatedTimes) {

    public Transcript {
        Objects.requireNonNull(format, "format");
        List<Utterance> sorted = new ArrayList<>(Objects.requireNonNull(utterances, "utterances"));
        sorted.sort(Comparator.comparingLong(Utterance::startMs));
        utterances = List.copyOf(sorted);
        durationMs = Math.max(0, durationMs);
    }

    /** A transcript with times from the source. */
    public Transcript(String format, List<Utterance> utterances, long durationMs) {
        this(format, utterances, durationMs, false);
    }

    /** The call's length: the larger of {@link #durationMs()} and the last end of any utterance. */
    public long callMs() {
        long max = durationMs;
        for (Utterance u : utterances) {
            max = Math.max(max, u.endMs());
        }
        return max;
    }
}
