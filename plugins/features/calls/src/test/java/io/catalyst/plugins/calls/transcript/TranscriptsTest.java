package io.catalyst.plugins.calls.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TranscriptsTest {

    /** The worked example of {@link CallMetricsTest} as AssemblyAI returns it (speaker_labels=true). */
    static final String ASSEMBLYAI = """
            {
              "id": "6rlr37h4ad-5b3f-4d8c-a0d2-example",
              "status": "completed",
              "audio_url": "https://example.com/call.mp3",
              "text": "Hi, this is Sam from Acme. ...",
              "speaker_labels": true,
              "audio_duration": 60,
              "words": [{"text": "Hi,", "start": 0, "end": 320, "confidence": 0.99, "speaker": "A"}],
              "utterances": [
                {"confidence": 0.97, "end": 10000, "speaker": "A", "start": 0,
                 "text": "Hi, this is Sam from Acme. Um, do you have a minute?",
                 "words": [{"text": "Hi,", "start": 0, "end": 320, "confidence": 0.99, "speaker": "A"}]},
                {"confidence": 0.95, "end": 15000, "speaker": "B", "start": 11000,
                 "text": "Sure, I mean, what is it about?", "words": []},
                {"confidence": 0.96, "end": 26000, "speaker": "A", "start": 16000,
                 "text": "We help teams cut reporting time. How do you report today?"},
                {"confidence": 0.93, "end": 35000, "speaker": "B", "start": 25000,
                 "text": "Uh, like, spreadsheets mostly. You know, it is slow."},
                {"confidence": 0.94, "end": 40000, "speaker": "B", "start": 35500,
                 "text": "And pricing matters to us."},
                {"confidence": 0.97, "end": 45000, "speaker": "A", "start": 39000,
                 "text": "Understood, what budget do you have?"},
                {"confidence": 0.99, "end": 55000, "speaker": "B", "start": 52000, "text": "Great, thanks."},
                {"confidence": 0.99, "end": 59000, "speaker": "A", "start": 57000, "text": "Talk soon."}
              ]
            }
            """;

    /** A Deepgram pre-recorded response with diarize=true and punctuate=true (no utterances=true). */
    static final String DEEPGRAM = """
            {
              "metadata": {"transaction_key": "deprecated", "request_id": "a1b2", "created": "2024-01-01T00:00:00Z",
                           "duration": 12.5, "channels": 1, "models": ["nova-2"]},
              "results": {
                "channels": [{
                  "alternatives": [{
                    "transcript": "hello thanks for calling acme how can i help hi i want pricing ok",
                    "confidence": 0.99,
                    "words": [
                      {"word": "hello", "start": 0.08, "end": 0.32, "confidence": 0.99, "speaker": 0,
                       "speaker_confidence": 0.8, "punctuated_word": "Hello,"},
                      {"word": "thanks", "start": 0.4, "end": 0.7, "confidence": 0.99, "speaker": 0,
                       "speaker_confidence": 0.8, "punctuated_word": "thanks"},
                      {"word": "for", "start": 0.7, "end": 0.8, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "for"},
                      {"word": "calling", "start": 0.8, "end": 1.1, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "calling"},
                      {"word": "acme", "start": 1.1, "end": 1.5, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "Acme."},
                      {"word": "how", "start": 1.6, "end": 1.8, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "How"},
                      {"word": "can", "start": 1.8, "end": 1.9, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "can"},
                      {"word": "i", "start": 1.9, "end": 2.0, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "I"},
                      {"word": "help", "start": 2.0, "end": 2.4, "confidence": 0.99, "speaker": 0,
                       "punctuated_word": "help?"},
                      {"word": "hi", "start": 3.0, "end": 3.2, "confidence": 0.98, "speaker": 1,
                       "punctuated_word": "Hi,"},
                      {"word": "i", "start": 3.3, "end": 3.4, "confidence": 0.98, "speaker": 1,
                       "punctuated_word": "I"},
                      {"word": "want", "start": 3.4, "end": 3.6, "confidence": 0.98, "speaker": 1,
                       "punctuated_word": "want"},
                      {"word": "pricing", "start": 3.6, "end": 4.1, "confidence": 0.98, "speaker": 1,
                       "punctuated_word": "pricing."},
                      {"word": "ok", "start": 6.0, "end": 6.3, "confidence": 0.9, "speaker": 1,
                       "punctuated_word": "OK."}
                    ]
                  }]
                }]
              }
            }
            """;

    @Nested
    class AssemblyAi {
        @Test
        void readsUtterancesAndGivesTheWorkedExample() {
            Transcript t = Transcripts.parse(ASSEMBLYAI, null, null, null, null);
            assertThat(t.format()).isEqualTo("assemblyai");
            assertThat(t.estimatedTimes()).isFalse();
            assertThat(t.durationMs()).isEqualTo(60_000);
            assertThat(t.utterances()).hasSize(8);
            Utterance first = t.utterances().get(0);
            assertThat(first).isEqualTo(new Utterance("A", Side.REP, 0, 10_000,
                    "Hi, this is Sam from Acme. Um, do you have a minute?"));
            assertThat(first.words()).isEqualTo(12);
            assertThat(first.question()).isTrue();
            assertThat(t.utterances().get(1).side()).isEqualTo(Side.CUSTOMER);
            // the same numbers as the hand-made example
            assertThat(CallMetrics.of(t)).isEqualTo(CallMetrics.of(
                    new Transcript("assemblyai", CallMetricsTest.example().utterances().stream()
                            .map(u -> new Utterance(u.side() == Side.REP ? "A" : "B", u.side(), u.startMs(),
                                    u.endMs(), u.text())).toList(), 60_000)));
        }

        @Test
        void inboundOutboundAndExplicitRep() {
            assertThat(sideOf(Transcripts.parse(ASSEMBLYAI, "assemblyai", null, "inbound", null), "A"))
                    .isEqualTo(Side.REP);
            // outbound: the first speaker ("Hello?") is the customer, the second the rep
            Transcript out = Transcripts.parse(ASSEMBLYAI, "assemblyai", null, "outbound", null);
            assertThat(sideOf(out, "A")).isEqualTo(Side.CUSTOMER);
            assertThat(sideOf(out, "B")).isEqualTo(Side.REP);
            Transcript explicit = Transcripts.parse(ASSEMBLYAI, "auto", "B", "inbound", null);
            assertThat(sideOf(explicit, "B")).isEqualTo(Side.REP);
            assertThat(sideOf(explicit, "A")).isEqualTo(Side.CUSTOMER);
            assertThat(sideOf(Transcripts.parse(ASSEMBLYAI, null, "Speaker b", null, null), "B"))
                    .isEqualTo(Side.REP);
        }

        @Test
        void unknownRepSpeakerSaysWhichThereAre() {
            assertThatThrownBy(() -> Transcripts.parse(ASSEMBLYAI, null, "C", null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("the rep speaker 'C' is not in the transcript; its speakers are A, B");
        }

        @Test
        void withoutSpeakerLabels() {
            assertThatThrownBy(() -> Transcripts.parse("{\"utterances\": null, \"text\": \"hi\"}", null, null,
                    null, null)).isInstanceOf(TranscriptException.class).hasMessageContaining("speaker_labels");
        }

        @Test
        void anErroredTranscript() {
            assertThatThrownBy(() -> Transcripts.parse(
                    "{\"status\": \"error\", \"error\": \"Download error\", \"utterances\": null}", null, null, null,
                    null)).hasMessage("AssemblyAI could not transcribe this call: Download error");
        }
    }

    @Nested
    class Deepgram {
        @Test
        void groupsWordsBySpeakerAndPause() {
            Transcript t = Transcripts.parse(DEEPGRAM, null, null, null, null);
            assertThat(t.format()).isEqualTo("deepgram");
            assertThat(t.durationMs()).isEqualTo(12_500);
            assertThat(t.utterances()).containsExactly(
                    new Utterance("0", Side.REP, 80, 2_400, "Hello, thanks for calling Acme. How can I help?"),
                    new Utterance("1", Side.CUSTOMER, 3_000, 4_100, "Hi, I want pricing."),
                    // 6.0 − 4.1 = 1.9 s > 1.5 s: a new utterance of the same speaker
                    new Utterance("1", Side.CUSTOMER, 6_000, 6_300, "OK."));
            assertThat(t.utterances().get(0).question()).isTrue();
            CallMetrics m = CallMetrics.of(t);
            assertThat(m.rep().questions()).isEqualTo(1);
            assertThat(m.durationMs()).isEqualTo(12_500);
        }

        @Test
        void outboundMakesSpeakerOneTheRep() {
            Transcript t = Transcripts.parse(DEEPGRAM, "deepgram", null, "outbound", null);
            assertThat(sideOf(t, "1")).isEqualTo(Side.REP);
            assertThat(sideOf(t, "0")).isEqualTo(Side.CUSTOMER);
            assertThat(sideOf(Transcripts.parse(DEEPGRAM, "deepgram", "1", null, null), "1")).isEqualTo(Side.REP);
        }

        @Test
        void usesItsUtterancesWhenThere() {
            String body = """
                    {"metadata": {"duration": 8.0},
                     "results": {
                       "channels": [{"alternatives": [{"transcript": "x", "words": []}]}],
                       "utterances": [
                         {"start": 0.5, "end": 2.25, "confidence": 0.9, "channel": 0, "transcript": "Hello?",
                          "words": [], "speaker": 0, "id": "u1"},
                         {"start": 2.5, "end": 4.0, "confidence": 0.9, "channel": 0,
                          "transcript": "Hi, this is Sam from Acme.", "words": [], "speaker": 1, "id": "u2"}
                       ]}}
                    """;
            Transcript t = Transcripts.parse(body, null, null, "outbound", null);
            assertThat(t.utterances()).containsExactly(
                    new Utterance("0", Side.CUSTOMER, 500, 2_250, "Hello?"),
                    new Utterance("1", Side.REP, 2_500, 4_000, "Hi, this is Sam from Acme."));
        }

        @Test
        void stereoChannelsWithoutDiarisationAreTheSpeakers() {
            String body = """
                    {"metadata": {"duration": 3, "channels": 2}, "results": {"channels": [
                      {"alternatives": [{"transcript": "hello", "words": [
                         {"word": "hello", "start": 0.1, "end": 0.5, "confidence": 0.9}]}]},
                      {"alternatives": [{"transcript": "hi there", "words": [
                         {"word": "hi", "start": 1.0, "end": 1.2, "confidence": 0.9},
                         {"word": "there", "start": 1.2, "end": 1.5, "confidence": 0.9}]}]}
                    ]}}
                    """;
            Transcript t = Transcripts.parse(body, null, null, null, null);
            assertThat(t.utterances()).containsExactly(
                    new Utterance("0", Side.REP, 100, 500, "hello"),
                    new Utterance("1", Side.CUSTOMER, 1_000, 1_500, "hi there"));
        }

        @Test
        void noWords() {
            assertThatThrownBy(() -> Transcripts.parse(
                    "{\"results\": {\"channels\": [{\"alternatives\": [{\"transcript\": \"\", \"words\": []}]}]}}",
                    null, null, null, null)).hasMessage("the transcript has no utterances");
        }

        @Test
        void badWordTimesSayWhichWord() {
            String body = DEEPGRAM.replace("\"start\": 3.3, \"end\": 3.4", "\"start\": 3.3, \"end\": 3.25");
            assertThatThrownBy(() -> Transcripts.parse(body, null, null, null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("word 11 (\"I\"): end 3.25 s is before start 3.3 s");
        }
    }

    @Nested
    class Text {
        @Test
        void withoutTimestampsSpreadsByWordsAt2point5PerSecond() {
            Transcript t = Transcripts.parse("""
                    Call with Acme, 3 March

                    Agent: Hello, thanks for calling Acme.
                    Customer: Hi. I'd like a price
                    for the team plan?
                    Agent: Sure.
                    """, null, null, null, null);
            assertThat(t.format()).isEqualTo("text");
            assertThat(t.estimatedTimes()).isTrue();
            // 5 words at 400 ms, 9 words (continuation line joined), 1 word
            assertThat(t.utterances()).containsExactly(
                    new Utterance("Agent", Side.REP, 0, 2_000, "Hello, thanks for calling Acme."),
                    new Utterance("Customer", Side.CUSTOMER, 2_000, 5_600, "Hi. I'd like a price for the team plan?"),
                    new Utterance("Agent", Side.REP, 5_600, 6_000, "Sure."));
            assertThat(t.durationMs()).isZero();
            assertThat(CallMetrics.of(t).durationMs()).isEqualTo(6_000);
        }

        @Test
        void withoutTimestampsSpreadsAcrossAKnownDuration() {
            Transcript t = Transcripts.parse("Rep: one two three\nProspect: four", "text", null, null, 8);
            // 4 words over 8 s: 2 000 ms a word
            assertThat(t.utterances()).extracting(Utterance::startMs, Utterance::endMs, Utterance::side)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 6_000L, Side.REP),
                            org.assertj.core.groups.Tuple.tuple(6_000L, 8_000L, Side.CUSTOMER));
            assertThat(t.durationMs()).isEqualTo(8_000);
        }

        @Test
        void withTimestampsInBothStyles() {
            Transcript t = Transcripts.parse("""
                    [00:00:01] Sam: Hi, Acme here. How can I help?
                    00:00:06 Dana: I need a quote.
                    [00:12] Sam: Sure thing.
                    01:02:03 Dana: Thanks.
                    """, null, null, "inbound", 3_800);
            assertThat(t.estimatedTimes()).isFalse();
            assertThat(t.utterances()).extracting(Utterance::speaker, Utterance::startMs, Utterance::endMs)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Sam", 1_000L, 6_000L),
                            org.assertj.core.groups.Tuple.tuple("Dana", 6_000L, 12_000L),
                            org.assertj.core.groups.Tuple.tuple("Sam", 12_000L, 3_723_000L),
                            // the last one lasts until the call's end
                            org.assertj.core.groups.Tuple.tuple("Dana", 3_723_000L, 3_800_000L));
            assertThat(sideOf(t, "Sam")).isEqualTo(Side.REP);
            assertThat(sideOf(t, "Dana")).isEqualTo(Side.CUSTOMER);
            assertThat(t.durationMs()).isEqualTo(3_800_000);
        }

        @Test
        void theLastTimedLineLastsForItsWordsWhenTheDurationIsUnknown() {
            Transcript t = Transcripts.parse("[00:10] Agent: hello there\n[00:15] Caller: one two three four five",
                    null, null, null, null);
            assertThat(t.utterances().get(1).endMs()).isEqualTo(17_000);
            assertThat(sideOf(t, "Caller")).isEqualTo(Side.CUSTOMER);
        }

        @Test
        void rolesFromLabels() {
            Transcript t = Transcripts.parse("Jane: Hello?\nSales Rep Tom: Hi Jane, Tom from Acme.", null, null,
                    "outbound", null);
            assertThat(sideOf(t, "Sales Rep Tom")).isEqualTo(Side.REP);
            assertThat(sideOf(t, "Jane")).isEqualTo(Side.CUSTOMER);
            // only the customer named: the other speaker is the rep
            Transcript c = Transcripts.parse("Client: Hello?\nBob: Hi, Bob here.", null, null, null, null);
            assertThat(sideOf(c, "Bob")).isEqualTo(Side.REP);
            assertThat(sideOf(c, "Client")).isEqualTo(Side.CUSTOMER);
        }

        @Test
        void outboundWithUnnamedSpeakers() {
            Transcript t = Transcripts.parse("Speaker 1: Hello?\nSpeaker 2: Hi, this is Sam.", null, null,
                    "OUTBOUND", null);
            assertThat(sideOf(t, "Speaker 2")).isEqualTo(Side.REP);
            Transcript v = Transcripts.parse("Speaker 1: Hi, it's Sam, call me back.", null, null, "outbound",
                    null);
            assertThat(sideOf(v, "Speaker 1")).isEqualTo(Side.REP); // a lone speaker is the rep
        }

        @Test
        void aTimeInsideTheTextIsNotALabel() {
            Transcript t = Transcripts.parse("Agent: See you at 10:30 tomorrow.\nhttps://acme.example is ours",
                    null, null, null, null);
            assertThat(t.utterances()).hasSize(1);
            assertThat(t.utterances().get(0).text()).isEqualTo("See you at 10:30 tomorrow. https://acme.example is ours");
        }

        @Test
        void aTimeStartingAContinuationLineOfAnUntimedTranscriptIsText() {
            Transcript t = Transcripts.parse("Agent: When suits you?\nCaller: Friday.\n2:30 works for me", null, null,
                    null, null);
            assertThat(t.estimatedTimes()).isTrue();
            assertThat(t.utterances()).hasSize(2);
            assertThat(t.utterances().get(1).text()).isEqualTo("Friday. 2:30 works for me");
            // in a timed transcript it is a new utterance of the same speaker
            Transcript timed = Transcripts.parse("[00:01] Agent: When suits you?\n[00:03] Caller: Friday.\n"
                    + "00:05 works for me", null, null, null, null);
            assertThat(timed.utterances()).extracting(Utterance::speaker, Utterance::startMs, Utterance::text)
                    .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("Caller", 5_000L, "works for me"));
        }

        @Test
        void timeGoingBackwards() {
            assertThatThrownBy(() -> Transcripts.parse("[00:10] A: hi\n[00:05] B: hello", null, null, null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("line 2: time 0:00:05 is before the previous line's 0:00:10");
        }

        @Test
        void noLabels() {
            assertThatThrownBy(() -> Transcripts.parse("just some words\nand more", null, null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessageStartingWith("no 'Speaker: text' lines found");
        }

        @Test
        void badTime() {
            assertThatThrownBy(() -> Transcripts.parse("[00:75] A: hi", null, null, null, null))
                    .hasMessage("line 1: '[00:75]' is not a valid time (use hh:mm:ss or mm:ss)");
        }
    }

    @Nested
    class Malformed {
        @Test
        void badJson() {
            assertThatThrownBy(() -> Transcripts.parse("{\"utterances\": [", null, null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessageStartingWith("not valid JSON: ");
            assertThatThrownBy(() -> Transcripts.parse("{\"utterances\": [", null, null, null, null))
                    .hasMessage("not valid JSON: the JSON ends too early (is the file cut off?)");
            assertThatThrownBy(() -> Transcripts.parse("{\"utterances\": [\n  {\"speaker\": \"A\" \"start\": 1}]}",
                    null, null, null, null))
                    .hasMessage("not valid JSON: unexpected character '\"': was expecting comma to separate Object entries"
                            + " at line 2, column 19");
            assertThatThrownBy(() -> Transcripts.parse("{\"utterances\": [}", null, null, null, null))
                    .hasMessage("not valid JSON: unexpected close marker '}': expected ']' at line 1, column 17");
            assertThatThrownBy(() -> Transcripts.parse("not json", "assemblyai", null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessageStartingWith("not valid JSON");
        }

        @Test
        void unrecognisedJson() {
            assertThatThrownBy(() -> Transcripts.parse("{\"foo\": 1}", null, null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessageContaining("neither an AssemblyAI");
        }

        @Test
        void empty() {
            assertThatThrownBy(() -> Transcripts.parse("  \n", null, null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessage("the transcript is empty");
            assertThatThrownBy(() -> Transcripts.parse(null, null, null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessage("the transcript is empty");
            assertThatThrownBy(() -> Transcripts.parse("{\"utterances\": []}", null, null, null, null))
                    .isInstanceOf(TranscriptException.class).hasMessage("the transcript has no utterances");
        }

        @Test
        void endBeforeStart() {
            String body = ASSEMBLYAI.replace("\"end\": 40000, \"speaker\": \"B\", \"start\": 35500",
                    "\"end\": 1200, \"speaker\": \"B\", \"start\": 1500");
            assertThatThrownBy(() -> Transcripts.parse(body, null, null, null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("utterance 5: end 1200 ms is before start 1500 ms");
        }

        @Test
        void negative() {
            String body = "{\"utterances\": [{\"speaker\": \"A\", \"start\": -5, \"end\": 100, \"text\": \"hi\"}]}";
            assertThatThrownBy(() -> Transcripts.parse(body, null, null, null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("utterance 1: a time is negative (start -5 ms, end 100 ms)");
            assertThatThrownBy(() -> Transcripts.parse("A: hi", null, null, null, -3))
                    .isInstanceOf(TranscriptException.class).hasMessageContaining("negative");
        }

        @Test
        void missingAndNonNumericTimes() {
            assertThatThrownBy(() -> Transcripts.parse(
                    "{\"utterances\": [{\"speaker\": \"A\", \"end\": 100, \"text\": \"hi\"}]}", null, null, null, null))
                    .hasMessage("utterance 1: \"start\" is missing");
            assertThatThrownBy(() -> Transcripts.parse(
                    "{\"utterances\": [{\"speaker\": \"A\", \"start\": \"soon\", \"end\": 100}]}", null, null, null,
                    null)).hasMessage("utterance 1: \"start\" should be a number, not \"soon\"");
        }

        @Test
        void tooLong() {
            String body = "{\"utterances\": [{\"speaker\": \"A\", \"start\": 0, \"end\": 7300000, \"text\": \"hi\"}]}";
            assertThatThrownBy(() -> Transcripts.parse(body, null, null, null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("the call is 2:01:40 long; calls over 2 hours are not accepted: split the recording");
            assertThatThrownBy(() -> Transcripts.parse("A: hi", null, null, null, 7_201))
                    .isInstanceOf(TranscriptException.class).hasMessageContaining("over 2 hours");
        }

        @Test
        void tooBig() {
            String body = "A: " + "word ".repeat(1_100_000);
            assertThatThrownBy(() -> Transcripts.parse(body, null, null, null, null))
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("the transcript is 5.2 MB; the limit is 5 MB");
        }

        @Test
        void unknownFormatAndDirection() {
            assertThatThrownBy(() -> Transcripts.parse("A: hi", "vtt", null, null, null))
                    .hasMessage("unknown transcript format 'vtt': use one of assemblyai, deepgram, text or auto");
            assertThatThrownBy(() -> Transcripts.parse("A: hi", null, null, "sideways", null))
                    .hasMessage("the call direction is 'sideways': use inbound, outbound, or leave it empty if unknown");
        }
    }

    @Test
    void formatsAreTheThree() {
        assertThat(Transcripts.FORMATS).containsExactly("assemblyai", "deepgram", "text");
    }

    @Test
    void utterancesComeSortedByStart() {
        Transcript t = new Transcript("text", List.of(new Utterance("B", Side.CUSTOMER, 500, 600, "b"),
                new Utterance("A", Side.REP, 0, 100, "a")), 0);
        assertThat(t.utterances()).extracting(Utterance::speaker).containsExactly("A", "B");
        assertThat(t.estimatedTimes()).isFalse();
        assertThat(t.callMs()).isEqualTo(600);
        assertThat(CallMetrics.of(t).talkRatio()).isCloseTo(0.5, within(1e-9));
    }

    static Side sideOf(Transcript t, String speaker) {
        return t.utterances().stream().filter(u -> u.speaker().equals(speaker)).findFirst().orElseThrow().side();
    }
}
