package io.catalyst.plugins.calls.transcript;

import java.util.List;
import java.util.Objects;

/**
 * A keyword tracker: fires on an utterance that contains one of its phrases, after lower-casing, dropping punctuation
 * and stemming both sides ("pricing" finds "price", "budgets" finds "budget").
 *
 * @param name    what it is called; hits carry it
 * @param phrases one or more words each; at least one phrase
 * @param side    whose utterances it looks at; null for both
 * @param segment where in the call it looks; null is {@link Segment#ANY}
 */
public record Tracker(String name, List<String> phrases, Side side, Segment segment) {

    public Tracker {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tracker needs a name");
        }
        phrases = List.copyOf(Objects.requireNonNull(phrases, "phrases"));
        if (phrases.stream().allMatch(p -> Tokens.count(p) == 0)) {
            throw new IllegalArgumentException("tracker '" + name + "' has no phrase with a word in it");
        }
        segment = segment == null ? Segment.ANY : segment;
    }
}
