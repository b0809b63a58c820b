package io.catalyst.plugins.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.calls.transcript.Segment;
import io.catalyst.plugins.calls.transcript.Side;
import io.catalyst.plugins.calls.transcript.Transcript;
import io.catalyst.plugins.calls.transcript.Utterance;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelChecksTest {

    private static final Transcript CALL = new Transcript("assemblyai", List.of(
            new Utterance("A", Side.REP, 0, 10_000, "Hi, what do you need?"),
            new Utterance("B", Side.CUSTOMER, 10_000, 60_000, "Faster reports for the team, by March."),
            new Utterance("A", Side.REP, 60_000, 85_000, "So you need faster reports by March. I will send a proposal."),
            new Utterance("B", Side.CUSTOMER, 85_000, 100_000, "Yes, Thursday works.")), 100_000);
    private static final Scorecards.Answer OPEN = new Scorecards.Answer("playback", "Did the rep play the needs back?",
            null, "model", null, null);

    @Test
    void aQuestionSeesOnlyItsSideAndPartOfTheCall() {
        // the closing is from 80 s: the rep's turn from 60 s reaches into it, the customer's last turn is in it
        assertThat(ModelChecks.excerpt(CALL, Side.REP, Segment.CLOSING))
                .isEqualTo("[1:00] Rep: So you need faster reports by March. I will send a proposal.\n");
        assertThat(ModelChecks.excerpt(CALL, Side.CUSTOMER, Segment.OPENING))
                .isEqualTo("[0:10] Customer: Faster reports for the team, by March.\n");
        assertThat(ModelChecks.excerpt(CALL, null, Segment.ANY).lines()).hasSize(4);
    }

    @Test
    void anAnswerIsKeptWithItsQuoteOnlyWhenTheCallHasTheQuote() {
        String excerpt = ModelChecks.excerpt(CALL, Side.REP, Segment.CLOSING);
        Scorecards.Answer yes = ModelChecks.parse(OPEN, "Sure: {\"answer\": \"Yes\", \"quote\": \"So you need faster"
                + " reports by March\", \"at\": \"[1:00]\"}", excerpt);
        assertThat(yes.yes()).isTrue();
        assertThat(yes.by()).isEqualTo("model");
        assertThat(yes.quote()).isEqualTo("So you need faster reports by March");
        assertThat(yes.atMs()).isEqualTo(60_000);

        Scorecards.Answer invented = ModelChecks.parse(OPEN, "{\"answer\": \"yes\", \"quote\": \"we love your"
                + " product\"}", excerpt);
        assertThat(invented.yes()).as("a quote the call does not have justifies nothing").isNull();
        assertThat(invented.quote()).isEqualTo("The model quoted words the call does not have");

        assertThat(ModelChecks.parse(OPEN, "I think so!", excerpt).yes()).isNull();
        assertThat(ModelChecks.parse(OPEN, "{\"answer\": \"maybe\"}", excerpt).yes()).isNull();
        assertThat(ModelChecks.parse(OPEN, "{\"answer\": \"no\"}", excerpt).yes()).isFalse();
    }

    @Test
    void theModelsAnswersSurviveANewAnalysisAndAPersonsOverruleThem() {
        Scorecards.Answer model = new Scorecards.Answer("playback", "q", true, "model", "So you need", 60_000L);
        Scorecards.Answer person = new Scorecards.Answer("budget", "q", false, "dana@example.com", null, null);
        List<Scorecards.Answer> automatic = Scorecards.answer(Scorecards.DISCOVERY, List.of(),
                io.catalyst.plugins.calls.transcript.CallMetrics.of(CALL), java.util.Set.of(Trackers.BUDGET));
        assertThat(automatic).filteredOn(a -> a.question().equals("playback")).singleElement()
                .satisfies(a -> assertThat(a.yes()).as("waits for a check").isNull());
        List<Scorecards.Answer> merged = Scorecards.merge(automatic, List.of(model, person));
        assertThat(merged).contains(model, person);
        assertThat(Scorecards.kept(OPEN)).as("an open model question is not kept").isFalse();
        assertThat(Scorecards.byPerson(model)).isFalse();
    }
}
