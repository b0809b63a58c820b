package io.catalyst.plugins.calls.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The worked example of docs/calls.md, "Call metrics", computed by hand. */
class CallMetricsTest {

    static final Offset<Double> EPS = within(1e-9);

    /**
     * The example call: 60 s long (the source says so; the last utterance ends at 59 s).
     *
     * <pre>
     *  #  side      start–end (ms)   words  ?  fillers
     *  0  REP           0–10 000      12    1  1 (um)
     *  1  CUSTOMER 11 000–15 000       7    1  1 (i mean)
     *  2  REP      16 000–26 000      11    1  0
     *  3  CUSTOMER 25 000–35 000       9    0  3 (uh, like, you know)
     *  4  CUSTOMER 35 500–40 000       5    0  0
     *  5  REP      39 000–45 000       6    1  0
     *  6  CUSTOMER 52 000–55 000       2    0  0
     *  7  REP      57 000–59 000       2    0  0
     * </pre>
     */
    static Transcript example() {
        return new Transcript("text", List.of(
                new Utterance("Agent", Side.REP, 0, 10_000, "Hi, this is Sam from Acme. Um, do you have a minute?"),
                new Utterance("Caller", Side.CUSTOMER, 11_000, 15_000, "Sure, I mean, what is it about?"),
                new Utterance("Agent", Side.REP, 16_000, 26_000,
                        "We help teams cut reporting time. How do you report today?"),
                new Utterance("Caller", Side.CUSTOMER, 25_000, 35_000,
                        "Uh, like, spreadsheets mostly. You know, it is slow."),
                new Utterance("Caller", Side.CUSTOMER, 35_500, 40_000, "And pricing matters to us."),
                new Utterance("Agent", Side.REP, 39_000, 45_000, "Understood, what budget do you have?"),
                new Utterance("Caller", Side.CUSTOMER, 52_000, 55_000, "Great, thanks."),
                new Utterance("Agent", Side.REP, 57_000, 59_000, "Talk soon.")), 60_000);
    }

    @Test
    void workedExampleByHand() {
        CallMetrics m = CallMetrics.of(example());

        // duration = max(last end 59 000, source 60 000) = 60 000 ms = 1 minute
        assertThat(m.durationMs()).isEqualTo(60_000);

        // rep talk = 10 000 + 10 000 + 6 000 + 2 000 = 28 000 ms
        // customer talk = 4 000 + 10 000 + 4 500 + 3 000 = 21 500 ms
        assertThat(m.rep().talkMs()).isEqualTo(28_000);
        assertThat(m.customer().talkMs()).isEqualTo(21_500);
        // talk ratio = 28 000 / (28 000 + 21 500) = 28 000 / 49 500 = 0.5656…
        assertThat(m.talkRatio()).isCloseTo(28_000.0 / 49_500.0, EPS);
        assertThat(m.talkRatio()).isCloseTo(0.565656, within(1e-6));

        // words: rep 12 + 11 + 6 + 2 = 31; customer 7 + 9 + 5 + 2 = 23
        assertThat(m.rep().words()).isEqualTo(31);
        assertThat(m.customer().words()).isEqualTo(23);
        // wpm = words / (talk / 60 000): rep 31 / (28 000 / 60 000) = 66.43; customer 23 / (21 500 / 60 000) = 64.19
        assertThat(m.rep().wordsPerMinute()).isCloseTo(31 * 60_000.0 / 28_000, EPS);
        assertThat(m.rep().wordsPerMinute()).isCloseTo(66.428571, within(1e-6));
        assertThat(m.customer().wordsPerMinute()).isCloseTo(64.186047, within(1e-6));

        // longest monologue: rep runs #0 (10 000), #2 (10 000), #5 (6 000), #7 (2 000) → 10 000;
        // customer runs #1 (4 000), #3+#4 (25 000 → 40 000 = 15 000), #6 (3 000) → 15 000
        assertThat(m.rep().longestMonologueMs()).isEqualTo(10_000);
        assertThat(m.customer().longestMonologueMs()).isEqualTo(15_000);

        // questions: rep #0, #2, #5 = 3 → 3 / 1 min = 3.0; customer #1 = 1 → 1.0
        assertThat(m.rep().questions()).isEqualTo(3);
        assertThat(m.rep().questionsPerMinute()).isCloseTo(3.0, EPS);
        assertThat(m.customer().questions()).isEqualTo(1);
        assertThat(m.customer().questionsPerMinute()).isCloseTo(1.0, EPS);

        // fillers: rep "um" = 1 → 1 × 100 / 31 = 3.2258; customer "I mean", "uh", "like,", "you know" = 4
        // → 4 × 100 / 23 = 17.391
        assertThat(m.rep().fillers()).isEqualTo(1);
        assertThat(m.rep().fillersPer100Words()).isCloseTo(100.0 / 31, EPS);
        assertThat(m.customer().fillers()).isEqualTo(4);
        assertThat(m.customer().fillersPer100Words()).isCloseTo(400.0 / 23, EPS);

        // speaker changes: R→C, C→R, R→C, (C→C), C→R, R→C, C→R = 6 → 6 / 1 min = 6.0
        assertThat(m.interactivity()).isCloseTo(6.0, EPS);

        // patience: customer→rep changes #1→#2: 16 000 − 15 000 = 1 000; #4→#5: 39 000 − 40 000 < 0, left out;
        // #6→#7: 57 000 − 55 000 = 2 000 → mean (1 000 + 2 000) / 2 = 1 500 ms = 1.5 s
        assertThat(m.patienceSeconds()).isCloseTo(1.5, EPS);

        // interruptions: #3 (customer) starts at 25 000 before #2 (rep) ends at 26 000 → customer 1;
        // #5 (rep) starts at 39 000 before #4 (customer) ends at 40 000 → rep 1
        assertThat(m.repInterruptions()).isEqualTo(1);
        assertThat(m.customerInterruptions()).isEqualTo(1);

        // union of intervals: [0,10 000] [11 000,15 000] [16 000,35 000] [35 500,45 000] [52 000,55 000]
        // [57 000,59 000] = 10 000 + 4 000 + 19 000 + 9 500 + 3 000 + 2 000 = 47 500 → silence 60 000 − 47 500
        assertThat(m.silenceMs()).isEqualTo(12_500);
    }

    @Test
    void singleSpeakerVoicemailDividesByNothing() {
        Transcript t = new Transcript("text", List.of(
                new Utterance("Agent", Side.REP, 0, 6_000, "Hi, it's Sam from Acme, call me back?")), 0);
        CallMetrics m = CallMetrics.of(t);
        assertThat(m.talkRatio()).isEqualTo(1.0);
        assertThat(m.customer().talkMs()).isZero();
        assertThat(m.customer().wordsPerMinute()).isZero();
        assertThat(m.customer().fillersPer100Words()).isZero();
        assertThat(m.customer().longestMonologueMs()).isZero();
        assertThat(m.patienceSeconds()).isNaN();
        assertThat(m.interactivity()).isZero();
        assertThat(m.silenceMs()).isZero();
        assertThat(m.rep().questionsPerMinute()).isCloseTo(10.0, EPS); // 1 question in 0.1 minute
    }

    @Test
    void nobodyTalksIsAllZero() {
        Transcript t = new Transcript("text", List.of(new Utterance("A", Side.REP, 0, 0, "")), 0);
        CallMetrics m = CallMetrics.of(t);
        assertThat(m.talkRatio()).isZero();
        assertThat(m.durationMs()).isZero();
        assertThat(m.rep().wordsPerMinute()).isZero();
        assertThat(m.rep().questionsPerMinute()).isZero();
        assertThat(m.interactivity()).isZero();
        assertThat(m.silenceMs()).isZero();
    }

    @Test
    void overlapsCountForBothSidesAndLeadingSilenceCounts() {
        Transcript t = new Transcript("text", List.of(
                new Utterance("A", Side.REP, 2_000, 8_000, "one two"),
                new Utterance("B", Side.CUSTOMER, 3_000, 5_000, "yes"),
                new Utterance("A", Side.REP, 9_000, 10_000, "three")), 12_000);
        CallMetrics m = CallMetrics.of(t);
        assertThat(m.rep().talkMs()).isEqualTo(7_000);
        assertThat(m.customer().talkMs()).isEqualTo(2_000);
        // union [2 000, 8 000] + [9 000, 10 000] = 7 000 of 12 000
        assertThat(m.silenceMs()).isEqualTo(5_000);
        assertThat(m.customerInterruptions()).isEqualTo(1);
        assertThat(m.repInterruptions()).isZero();
        // B → A: 9 000 − 5 000 = 4 s
        assertThat(m.patienceSeconds()).isCloseTo(4.0, EPS);
        // the rep's run is broken by the customer's utterance starting in between
        assertThat(m.rep().longestMonologueMs()).isEqualTo(6_000);
    }

    @Test
    void questionsAndFillersCounting() {
        assertThat(Tokens.questions("Really?? Why? Fine.")).isEqualTo(2);
        assertThat(Tokens.fillers("I like it. Like, really. Hmm, sort of, kind of you know")).isEqualTo(5);
        assertThat(Tokens.fillers("I'd like to, er, umm")).isEqualTo(1); // "like to," is not "like,"; umm is not um
        assertThat(Tokens.count("Don't pay $1,200.50 for follow-up!")).isEqualTo(6);
        assertThat(Tokens.tokens("Don’t").get(0).text()).isEqualTo("don't");
    }
}
