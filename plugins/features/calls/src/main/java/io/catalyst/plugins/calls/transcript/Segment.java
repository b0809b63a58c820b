package io.catalyst.plugins.calls.transcript;

/**
 * Where in a call a tracker looks, by the utterance's start time as a share of the call's duration: OPENING is the
 * first 20% (start &lt; 0.2 × duration), CLOSING the last 20% (start ≥ 0.8 × duration), MIDDLE what lies between.
 */
public enum Segment {
    ANY, OPENING, MIDDLE, CLOSING;

    /** The opening's share of the call, and the closing's. */
    public static final double EDGE = 0.2;

    /** Whether an utterance starting at {@code startMs} of a call lasting {@code durationMs} is in this segment. */
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
}
