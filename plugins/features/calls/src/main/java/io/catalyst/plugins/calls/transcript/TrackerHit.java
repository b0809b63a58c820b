package io.catalyst.plugins.calls.transcript;

/**
 * One tracker firing on one utterance.
 *
 * @param tracker   the tracker's name
 * @param phrase    the phrase found, as the tracker lists it
 * @param side      the side of the utterance
 * @param atMs      when the phrase was said: the utterance's start plus its length times the share of the utterance's
 *                  words before the phrase (an estimate within the utterance)
 * @param utterance the utterance's index in {@link Transcript#utterances()}, from 0
 * @param quote     the utterance's text; when longer than {@link TrackerMatcher#QUOTE_CHARS} characters, a window of
 *                  about that many around the phrase, with "…" where it was cut
 */
public record TrackerHit(String tracker, String phrase, Side side, long atMs, int utterance, String quote) {
}
