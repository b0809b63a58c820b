package io.catalyst.plugins.calls.transcript;

import java.util.Objects;

/**
 * One stretch of speech by one speaker.
 *
 * @param speaker the label the transcript gives the speaker ("A", "0", "Agent", ...)
 * @param side    the party the speaker belongs to
 * @param startMs start, in milliseconds from the start of the call
 * @param endMs   end, in milliseconds from the start of the call (≥ start)
 * @param text    what was said
 */
public record Utterance(String speaker, Side side, long startMs, long endMs, String text) {

    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(side, "side");
        text = text == null ? "" : text;
        if (startMs < 0 || endMs < startMs) {
            throw new TranscriptException("utterance of " + speaker + " at " + startMs + " ms: end " + endMs
                    + " ms is before start " + startMs + " ms or a time is negative");
        }
    }

    /** The number of words (tokens, as {@link Tokens} splits them). */
    public int words() {
        return Tokens.count(text);
    }

    /** Whether the text contains a question mark. */
    public boolean question() {
        return text.indexOf('?') >= 0;
    }

    /** end − start, in milliseconds. */
    public long lengthMs() {
        return endMs - startMs;
    }
}
