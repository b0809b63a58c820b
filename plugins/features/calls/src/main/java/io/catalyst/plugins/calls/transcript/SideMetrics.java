package io.catalyst.plugins.calls.transcript;

/**
 * One party's share of a call. Formulas: docs/calls.md, "Call metrics".
 *
 * @param talkMs             sum of (end − start) of the side's utterances
 * @param words              tokens in the side's utterances
 * @param wordsPerMinute     words / (talkMs / 60 000); 0 when the side did not talk
 * @param longestMonologueMs the longest run of the side's consecutive utterances, first start to last end
 * @param questions          '?'-terminated sentences (runs of '?')
 * @param questionsPerMinute questions / call minutes; 0 for a call of no length
 * @param fillers            filler words and phrases
 * @param fillersPer100Words fillers × 100 / words; 0 when no words
 */
public record SideMetrics(long talkMs, int words, double wordsPerMinute, long longestMonologueMs, int questions,
        double questionsPerMinute, int fillers, double fillersPer100Words) {
}
