package io.catalyst.plugins.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.calls.transcript.CallMetrics;
import io.catalyst.plugins.calls.transcript.Side;
import io.catalyst.plugins.calls.transcript.TrackerHit;
import io.catalyst.plugins.calls.transcript.Transcript;
import io.catalyst.plugins.calls.transcript.Utterance;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorecardsTest {

    private static final Set<String> ALL = Set.of(Trackers.BUDGET, Trackers.TIMELINE, Trackers.DECISION_MAKER,
            Trackers.PAIN, Trackers.NEXT_STEPS, Trackers.PRICING);

    // the rep talks 30 of 40 s (75%) in one 30 s monologue
    private static final CallMetrics METRICS = CallMetrics.of(new Transcript("assemblyai", List.of(
            new Utterance("A", Side.REP, 0, 30_000, "Let me tell you all about us."),
            new Utterance("B", Side.CUSTOMER, 30_000, 40_000, "Right.")), 40_000));

    @Test
    void trackersAnswerTheirQuestionsWithTheQuoteAndMetricsTheirs() {
        List<TrackerHit> hits = List.of(new TrackerHit(Trackers.BUDGET, "budget", Side.REP, 12_000, 3,
                "What budget do you have?"));
        List<Scorecards.Answer> answers = Scorecards.answer(Scorecards.DISCOVERY, hits, METRICS, ALL);

        assertThat(answer(answers, "budget").yes()).isTrue();
        assertThat(answer(answers, "budget").quote()).isEqualTo("What budget do you have?");
        assertThat(answer(answers, "budget").atMs()).isEqualTo(12_000);
        assertThat(answer(answers, "timeline").yes()).as("not heard").isFalse();
        assertThat(answer(answers, "listen").yes()).as("75% is over 60%").isFalse();
        assertThat(answer(answers, "listen").quote()).isEqualTo("Rep talk ratio 75%");
        assertThat(answer(answers, "monologue").yes()).as("30 s is under 2 minutes").isTrue();
        // 7 answered, 2 yes (budget, monologue): 28.6
        assertThat(Scorecards.score(answers)).isEqualTo(28.6);
    }

    @Test
    void aRemovedTrackersQuestionWaitsForAPersonAndAPersonsAnswerIsKept() {
        Set<String> withoutBudget = Set.of(Trackers.TIMELINE, Trackers.DECISION_MAKER, Trackers.PAIN,
                Trackers.NEXT_STEPS);
        List<Scorecards.Answer> automatic = Scorecards.answer(Scorecards.DISCOVERY, List.of(), METRICS,
                withoutBudget);
        assertThat(answer(automatic, "budget").yes()).isNull();

        Scorecards.Answer person = new Scorecards.Answer("timeline", "Did the rep ask about the timeline?", true,
                "dana@example.com", null, null);
        List<Scorecards.Answer> merged = Scorecards.merge(automatic, List.of(person));
        assertThat(answer(merged, "timeline")).isEqualTo(person);
        assertThat(answer(merged, "budget").yes()).isNull();
        // 6 answered (budget open): timeline and monologue yes
        assertThat(Scorecards.score(merged)).isEqualTo(33.3);
        assertThat(Scorecards.score(List.of())).isNull();
    }

    @Test
    void theTemplateFollowsTheDealsStageAndTheAnswersSurviveJson() {
        assertThat(Scorecards.forStage(null)).isEqualTo(Scorecards.DISCOVERY);
        assertThat(Scorecards.forStage("presentationscheduled")).isEqualTo(Scorecards.DEMO);
        assertThat(Scorecards.forStage("contractsent")).isEqualTo(Scorecards.CLOSING);
        assertThat(Scorecards.forStage("closedwon")).isEqualTo(Scorecards.CLOSING);

        List<Scorecards.Answer> answers = Scorecards.answer(Scorecards.CLOSING, List.of(), null, ALL);
        assertThat(answers).allSatisfy(a -> assertThat(a.yes()).as("no transcript: nothing answered").isNull());
        Scorecards.Stored back = Scorecards.parse(Scorecards.json("closing", answers)).orElseThrow();
        assertThat(back.template()).isEqualTo("closing");
        assertThat(back.answers()).isEqualTo(answers);
    }

    private static Scorecards.Answer answer(List<Scorecards.Answer> answers, String question) {
        return answers.stream().filter(a -> a.question().equals(question)).findFirst().orElseThrow();
    }
}
