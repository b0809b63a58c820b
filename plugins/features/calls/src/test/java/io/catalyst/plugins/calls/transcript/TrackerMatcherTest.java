package io.catalyst.plugins.calls.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerMatcherTest {

    /** The worked example: 60 s, so the opening is before 12 000 ms and the closing from 48 000 ms. */
    final Transcript call = CallMetricsTest.example();

    List<TrackerHit> match(Tracker... trackers) {
        return new TrackerMatcher(List.of(trackers)).match(call);
    }

    @Test
    void stemsBothPhraseAndText() {
        // "price" finds "pricing"; "budgets" finds "budget"
        List<TrackerHit> hits = match(new Tracker("Pricing", List.of("price"), null, Segment.ANY),
                new Tracker("Budget", List.of("budgets"), null, null));
        assertThat(hits).containsExactly(
                // #4 starts at 35 500, lasts 4 500 ms, "pricing" is word 1 of 5: 35 500 + 4 500 × 1/5 = 36 400
                new TrackerHit("Pricing", "price", Side.CUSTOMER, 36_400, 4, "And pricing matters to us."),
                // #5 starts at 39 000, lasts 6 000 ms, "budget" is word 2 of 6: 39 000 + 2 000 = 41 000
                new TrackerHit("Budget", "budgets", Side.REP, 41_000, 5, "Understood, what budget do you have?"));
    }

    @Test
    void stemmerBasics() {
        Tokens.Stemmer s = new Tokens.Stemmer();
        assertThat(s.stem("pricing")).isEqualTo(s.stem("price"));
        assertThat(s.stem("budgets")).isEqualTo("budget");
        assertThat(s.stem("reporting")).isEqualTo(s.stem("reports"));
        // a stem given as the phrase finds its forms
        Transcript t = new Transcript("text", List.of(
                new Utterance("A", Side.CUSTOMER, 0, 1_000, "It was frustrating."),
                new Utterance("B", Side.REP, 1_000, 2_000, "I hear the frustration. When do you go live?"),
                new Utterance("A", Side.CUSTOMER, 2_000, 3_000, "We can’t justify it; we’re going live soon")), 0);
        List<TrackerHit> hits = new TrackerMatcher(List.of(new Tracker("Pain", List.of("frustrat"), null, null),
                new Tracker("Live", List.of("go live"), null, null),
                new Tracker("Objection", List.of("can't justify"), Side.CUSTOMER, null))).match(t);
        assertThat(hits).extracting(TrackerHit::tracker, TrackerHit::utterance).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Pain", 0), org.assertj.core.groups.Tuple.tuple("Pain", 1),
                org.assertj.core.groups.Tuple.tuple("Live", 1), org.assertj.core.groups.Tuple.tuple("Objection", 2),
                org.assertj.core.groups.Tuple.tuple("Live", 2));
    }

    @Test
    void sideScope() {
        Tracker you = new Tracker("You", List.of("you"), Side.CUSTOMER, Segment.ANY);
        assertThat(match(you)).extracting(TrackerHit::utterance).containsExactly(3);
        Tracker repYou = new Tracker("You", List.of("you"), Side.REP, Segment.ANY);
        assertThat(match(repYou)).extracting(TrackerHit::utterance).containsExactly(0, 2, 5);
        Tracker anyYou = new Tracker("You", List.of("you"), null, Segment.ANY);
        assertThat(match(anyYou)).extracting(TrackerHit::utterance).containsExactly(0, 2, 3, 5);
    }

    @Test
    void segmentScope() {
        // "thanks" is said at #6 (52 000 ≥ 48 000: closing)
        assertThat(match(new Tracker("Thanks", List.of("thanks"), null, Segment.CLOSING)))
                .extracting(TrackerHit::utterance).containsExactly(6);
        assertThat(match(new Tracker("Thanks", List.of("thanks"), null, Segment.OPENING))).isEmpty();
        // by when the word was said: "what" is word 3 of 7 in #1 (11 000-15 000 ms): 11 000 + 4 000 × 3/7 = 12 714,
        // past the opening though #1 began in it; word 1 of 6 in #5 (39 000-45 000): 40 000, the middle
        assertThat(match(new Tracker("What", List.of("what"), null, Segment.OPENING))).isEmpty();
        assertThat(match(new Tracker("What", List.of("what"), null, Segment.MIDDLE)))
                .extracting(TrackerHit::utterance).containsExactly(1, 5);
        // "hi" is word 0 of #0: 0 ms, the opening
        assertThat(match(new Tracker("Hi", List.of("hi"), null, Segment.OPENING)))
                .extracting(TrackerHit::utterance).containsExactly(0);
        assertThat(Segment.OPENING.contains(11_999, 60_000)).isTrue();
        assertThat(Segment.MIDDLE.contains(12_000, 60_000)).isTrue();
        assertThat(Segment.MIDDLE.contains(47_999, 60_000)).isTrue();
        assertThat(Segment.CLOSING.contains(48_000, 60_000)).isTrue();
    }

    @Test
    void aPhraseCountsInThePartOfTheCallWhenItWasSaidNotWhenItsTurnBegan() {
        // the rep's last turn runs from 30 s to 40 s of 40 s: it begins before the closing (32 s); "send the proposal"
        // begins at word 4 (from 0) of 8, said at 30 + 10 × 4/8 = 35 s, inside it
        Transcript t = new Transcript("assemblyai", List.of(
                new Utterance("A", Side.REP, 0, 10_000, "Hello, what budget do you have?"),
                new Utterance("B", Side.CUSTOMER, 10_000, 30_000, "About two thousand."),
                new Utterance("A", Side.REP, 30_000, 40_000, "Perfect. I will then send the proposal tomorrow.")),
                40_000);
        List<TrackerHit> hits = new TrackerMatcher(List.of(new Tracker("Next steps", List.of("send the proposal"),
                Side.REP, Segment.CLOSING), new Tracker("Early", List.of("perfect"), Side.REP, Segment.CLOSING)))
                .match(t);
        assertThat(hits).extracting(TrackerHit::tracker).as("'perfect' is said at 30 s, before the closing")
                .containsExactly("Next steps");
        assertThat(hits.get(0).atMs()).isEqualTo(35_000);
    }

    @Test
    void multiWordPhrasesMatchConsecutiveStems() {
        assertThat(match(new Tracker("Process", List.of("Reports time"), null, null)))
                .extracting(TrackerHit::utterance, TrackerHit::phrase)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Reports time"));
        assertThat(match(new Tracker("Process", List.of("how do you report"), Side.REP, null)))
                .hasSize(1);
        // the words are there, but not one after the other
        assertThat(match(new Tracker("Cut time", List.of("cut time"), null, null))).isEmpty();
        // punctuation in the text or the phrase does not matter
        assertThat(match(new Tracker("Sam", List.of("Sam, from ACME!"), null, null))).hasSize(1);
    }

    @Test
    void oneHitPerTrackerPerUtteranceTheFirstFound() {
        // #5 "Understood, what budget do you have?": "what" (word 1) comes before "you" (word 4)
        List<TrackerHit> hits = match(new Tracker("Discovery", List.of("you", "what"), Side.REP, Segment.MIDDLE));
        assertThat(hits).extracting(TrackerHit::utterance, TrackerHit::phrase)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "you"),
                        org.assertj.core.groups.Tuple.tuple(5, "what"));
        // two trackers on the same utterance both fire
        assertThat(match(new Tracker("A", List.of("understood"), null, null), new Tracker("B", List.of("budget"),
                null, null))).extracting(TrackerHit::tracker, TrackerHit::utterance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 5), org.assertj.core.groups.Tuple.tuple("B", 5));
        // the same word twice in one utterance: one hit
        Transcript t = new Transcript("text", List.of(new Utterance("A", Side.REP, 0, 1_000, "price, price, price")),
                0);
        assertThat(new TrackerMatcher(List.of(new Tracker("P", List.of("price", "prices"), null, null))).match(t))
                .singleElement().extracting(TrackerHit::phrase, TrackerHit::atMs)
                .containsExactly("price", 0L);
    }

    @Test
    void noMatchAcrossUtterances() {
        // #6 ends with "thanks", #7 starts with "Talk"
        assertThat(match(new Tracker("X", List.of("thanks talk"), null, null))).isEmpty();
        assertThat(match(new Tracker("X", List.of("talk soon"), null, null))).hasSize(1);
    }

    @Test
    void hitsAreSortedByTime() {
        List<TrackerHit> hits = match(new Tracker("Late", List.of("soon"), null, null),
                new Tracker("Early", List.of("acme"), null, null),
                new Tracker("Middle", List.of("slow"), null, null));
        assertThat(hits).extracting(TrackerHit::tracker).containsExactly("Early", "Middle", "Late");
        assertThat(hits).isSortedAccordingTo((a, b) -> Long.compare(a.atMs(), b.atMs()));
    }

    @Test
    void longUtterancesAreQuotedAroundTheHit() {
        String text = "word ".repeat(100) + "our pricing is simple " + "more ".repeat(100);
        Transcript t = new Transcript("text", List.of(new Utterance("A", Side.REP, 0, 60_000, text)), 0);
        TrackerHit hit = new TrackerMatcher(List.of(new Tracker("P", List.of("price"), null, null))).match(t).get(0);
        assertThat(hit.quote()).contains("our pricing is simple").startsWith("…").endsWith("…");
        assertThat(hit.quote().length()).isLessThanOrEqualTo(TrackerMatcher.QUOTE_CHARS + 2);
        assertThat(hit.quote()).doesNotContain("  ");
    }

    @Test
    void badTrackers() {
        assertThatThrownBy(() -> new Tracker(" ", List.of("a"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tracker("Empty", List.of("?!", ""), null, null))
                .hasMessage("tracker 'Empty' has no phrase with a word in it");
        assertThat(new Tracker("T", List.of("x"), null, null).segment()).isEqualTo(Segment.ANY);
        assertThat(new TrackerMatcher(List.of()).match(call)).isEmpty();
    }

    @Test
    void tenMinuteCallWithTwentyTrackersIsQuick() {
        // 10 minutes, 300 utterances of 2 s (about 5 words a second)
        StringBuilder body = new StringBuilder();
        String[] lines = {"Agent: So how does your team handle pricing and budget approvals today, roughly?",
                "Customer: Um, we, like, send spreadsheets around and, you know, it takes weeks."};
        for (int i = 0; i < 300; i++) {
            int s = i * 2;
            body.append(String.format("[%02d:%02d] %s%n", s / 60, s % 60, lines[i % 2]));
        }
        List<Tracker> trackers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trackers.add(new Tracker("T" + i, List.of("budget approval", "spreadsheet", "competitor " + i,
                    "pricing model"), i % 2 == 0 ? null : Side.CUSTOMER, Segment.values()[i % 4]));
        }
        TrackerMatcher matcher = new TrackerMatcher(trackers);
        long t0 = System.nanoTime();
        Transcript t = null;
        List<TrackerHit> hits = null;
        CallMetrics m = null;
        for (int run = 0; run < 20; run++) {
            t = Transcripts.parse(body.toString(), null, null, null, 600);
            m = CallMetrics.of(t);
            hits = matcher.match(t);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(t.utterances()).hasSize(300);
        assertThat(m.durationMs()).isEqualTo(600_000);
        assertThat(m.customer().fillers()).isEqualTo(150 * 3);
        assertThat(hits).isNotEmpty();
        assertThat(ms).as("20 × (parse + metrics + 20 trackers) over a 10-minute call").isLessThan(5_000);
    }
}
