package io.catalyst.plugins.calls.transcript;

import java.util.List;

/**
 * The metrics of one call. Every formula is published in docs/calls.md, "Call metrics", with a worked example.
 *
 * @param durationMs            the call's length: max(last utterance end, the transcript's duration)
 * @param talkRatio             the rep's share of talk time, rep / (rep + customer), 0..1; 0 when nobody talks
 * @param rep                   the rep's side
 * @param customer              the customer's side
 * @param interactivity         speaker changes between consecutive utterances per call minute
 * @param patienceSeconds       mean pause before the rep speaks after the customer, in seconds; NaN if none
 * @param repInterruptions      rep utterances starting before the customer's previous utterance ended
 * @param customerInterruptions customer utterances starting before the rep's previous utterance ended
 * @param silenceMs             the call's length minus the union of all utterance intervals
 */
public record CallMetrics(long durationMs, double talkRatio, SideMetrics rep, SideMetrics customer,
        double interactivity, double patienceSeconds, int repInterruptions, int customerInterruptions,
        long silenceMs) {

    /** The metrics of {@code t}. Linear in the number of utterances and words. */
    public static CallMetrics of(Transcript t) {
        List<Utterance> us = t.utterances();
        long duration = t.callMs();
        double minutes = duration / 60_000.0;

        long[] talk = new long[2];
        int[] words = new int[2];
        int[] questions = new int[2];
        int[] fillers = new int[2];
        long[] longest = new long[2];
        // the run of consecutive utterances of one side that is under way
        Side runSide = null;
        long runStart = 0;
        long runEnd = 0;
        // the end of each side's latest utterance, for interruptions; -1 when none yet
        long[] lastEnd = {-1, -1};
        int[] interruptions = new int[2];
        int changes = 0;
        double gapSum = 0;
        int gaps = 0;
        // union of intervals (utterances come sorted by start)
        long covered = 0;
        long unionStart = -1;
        long unionEnd = -1;

        Utterance prev = null;
        for (Utterance u : us) {
            int s = u.side().ordinal();
            talk[s] += u.lengthMs();
            words[s] += u.words();
            questions[s] += Tokens.questions(u.text());
            fillers[s] += Tokens.fillers(u.text());

            if (u.side() == runSide) {
                runEnd = Math.max(runEnd, u.endMs());
            } else {
                runSide = u.side();
                runStart = u.startMs();
                runEnd = u.endMs();
            }
            longest[s] = Math.max(longest[s], runEnd - runStart);

            int o = u.side().other().ordinal();
            if (lastEnd[o] >= 0 && u.startMs() < lastEnd[o]) {
                interruptions[s]++;
            }
            lastEnd[s] = Math.max(lastEnd[s], u.endMs());

            if (prev != null) {
                if (!prev.speaker().equals(u.speaker())) {
                    changes++;
                }
                if (prev.side() == Side.CUSTOMER && u.side() == Side.REP) {
                    long gap = u.startMs() - prev.endMs();
                    if (gap >= 0) {
                        gapSum += gap;
                        gaps++;
                    }
                }
            }
            prev = u;

            if (u.startMs() > unionEnd) {
                covered += unionEnd - unionStart;
                unionStart = u.startMs();
                unionEnd = u.endMs();
            } else {
                unionEnd = Math.max(unionEnd, u.endMs());
            }
        }
        covered += unionEnd - unionStart;

        long allTalk = talk[0] + talk[1];
        double talkRatio = allTalk == 0 ? 0 : (double) talk[Side.REP.ordinal()] / allTalk;
        SideMetrics[] sides = new SideMetrics[2];
        for (int s = 0; s < 2; s++) {
            sides[s] = new SideMetrics(talk[s], words[s], talk[s] == 0 ? 0 : words[s] / (talk[s] / 60_000.0),
                    longest[s], questions[s], minutes == 0 ? 0 : questions[s] / minutes, fillers[s],
                    words[s] == 0 ? 0 : fillers[s] * 100.0 / words[s]);
        }
        return new CallMetrics(duration, talkRatio, sides[Side.REP.ordinal()], sides[Side.CUSTOMER.ordinal()],
                minutes == 0 ? 0 : changes / minutes, gaps == 0 ? Double.NaN : gapSum / gaps / 1000.0,
                interruptions[Side.REP.ordinal()], interruptions[Side.CUSTOMER.ordinal()],
                Math.max(0, duration - covered));
    }
}
