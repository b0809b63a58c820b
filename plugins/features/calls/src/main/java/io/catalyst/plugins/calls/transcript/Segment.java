package io.catalyst.plugins.calls.transcript;

/**
 * Where in a call a tracker listens, by the time a phrase was said as a share of the call's duration: OPENING is the
 * first 20% (before 0.2 × duration), CLOSING the last 20% (from 0.8 × duration), MIDDLE what lies between. A phrase's
 * time is estimated from its word's position in the utterance, so the next step at the end of a long last turn counts
 * as closing even when the turn began earlier.
 */
public enum Segment {
    ANY, OPENING, MIDDLE, CLOSING;

    /** The opening's share of the call, and the closing's. */
    public static final double EDGE = 0.2;

    /** Whether a moment {@code startMs} into a call lasting {@code durationMs} is in this segment. */
    public boolean contains(long startMs, long durationMs) {
        if (this == ANY) {
            return true;
        }
        boolean opening = startMs < EDGE * durationMs || durationMs <= 0;
        boolean closing = !opening && startMs >= (1 - EDGE) * durationMs;
        return switch (this) {
            case OPENING -> opening;
            case CLOSING -> closing;
            case MIDDLE -> !opening && !closing;
            default -> true;
        };
    }

    /** Whether an utterance from {@code startMs} to {@code endMs} reaches into this segment at all. */
    public boolean overlaps(long startMs, long endMs, long durationMs) {
        if (this == ANY || durationMs <= 0) {
            return true;
        }
        return switch (this) {
            case OPENING -> startMs < EDGE * durationMs;
            case CLOSING -> endMs > (1 - EDGE) * durationMs;
            case MIDDLE -> startMs < (1 - EDGE) * durationMs && endMs > EDGE * durationMs;
            default -> true;
        };
    }
}
