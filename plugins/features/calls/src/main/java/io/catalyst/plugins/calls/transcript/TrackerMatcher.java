package io.catalyst.plugins.calls.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds trackers' phrases in transcripts. Phrases are tokenised and stemmed once, here; each utterance's tokens are
 * stemmed once per {@link #match}, and a phrase is looked up by its first stem, so matching is linear in the words
 * of the transcript (times the few phrases that share a first stem). Thread-safe.
 */
public final class TrackerMatcher {

    /** The longest quote, in characters (a little more with the "…" marks). */
    public static final int QUOTE_CHARS = 200;

    private record Phrase(int tracker, int order, String text, String[] stems) {
    }

    private final List<Tracker> trackers;
    /** phrases by their first stem */
    private final Map<String, List<Phrase>> byFirst = new HashMap<>();

    public TrackerMatcher(List<Tracker> trackers) {
        this.trackers = List.copyOf(trackers);
        for (int t = 0; t < this.trackers.size(); t++) {
            List<String> phrases = this.trackers.get(t).phrases();
            for (int p = 0; p < phrases.size(); p++) {
                List<Tokens.Token> tokens = Tokens.tokens(phrases.get(p));
                if (tokens.isEmpty()) {
                    continue;
                }
                String[] stems = new String[tokens.size()];
                for (int i = 0; i < stems.length; i++) {
                    stems[i] = Tokens.stem(tokens.get(i).text());
                }
                byFirst.computeIfAbsent(stems[0], k -> new ArrayList<>()).add(new Phrase(t, p, phrases.get(p), stems));
            }
        }
    }

    /** The hits in {@code t}: at most one per tracker per utterance, sorted by time (then utterance, tracker). */
    public List<TrackerHit> match(Transcript t) {
        List<TrackerHit> hits = new ArrayList<>();
        if (trackers.isEmpty()) {
            return hits;
        }
        long duration = t.callMs();
        List<Utterance> us = t.utterances();
        // per utterance: which trackers may look at it, and which already fired
        boolean[] eligible = new boolean[trackers.size()];
        int[] bestPos = new int[trackers.size()];
        Phrase[] best = new Phrase[trackers.size()];
        List<int[]> order = new ArrayList<>();
        for (int ui = 0; ui < us.size(); ui++) {
            Utterance u = us.get(ui);
            boolean any = false;
            for (int k = 0; k < trackers.size(); k++) {
                Tracker tr = trackers.get(k);
                eligible[k] = (tr.side() == null || tr.side() == u.side())
                        && tr.segment().overlaps(u.startMs(), u.endMs(), duration);
                any |= eligible[k];
                best[k] = null;
            }
            if (!any) {
                continue;
            }
            List<Tokens.Token> tokens = Tokens.tokens(u.text());
            String[] stems = new String[tokens.size()];
            for (int i = 0; i < stems.length; i++) {
                stems[i] = Tokens.stem(tokens.get(i).text());
            }
            for (int i = 0; i < stems.length; i++) {
                List<Phrase> candidates = byFirst.get(stems[i]);
                if (candidates == null) {
                    continue;
                }
                for (Phrase p : candidates) {
                    if (!eligible[p.tracker] || (best[p.tracker] != null && (bestPos[p.tracker] < i
                            || best[p.tracker].order < p.order))) {
                        continue; // found earlier in the utterance, or an earlier-listed phrase at the same word
                    }
                    if (matchesAt(stems, i, p.stems)
                            && trackers.get(p.tracker).segment().contains(at(u, i, stems.length), duration)) {
                        best[p.tracker] = p;
                        bestPos[p.tracker] = i;
                    }
                }
            }
            for (int k = 0; k < trackers.size(); k++) {
                if (best[k] != null) {
                    int pos = bestPos[k];
                    long at = at(u, pos, stems.length);
                    Tokens.Token first = tokens.get(pos);
                    Tokens.Token last = tokens.get(pos + best[k].stems.length - 1);
                    hits.add(new TrackerHit(trackers.get(k).name(), best[k].text, u.side(), at, ui,
                            quote(u.text(), first.start(), last.end())));
                    order.add(new int[] {hits.size() - 1, k});
                }
            }
        }
        // sort by time, then utterance, then the tracker's position in the list
        Map<TrackerHit, Integer> trackerIndex = new HashMap<>();
        for (int[] o : order) {
            trackerIndex.put(hits.get(o[0]), o[1]);
        }
        hits.sort(Comparator.comparingLong(TrackerHit::atMs).thenComparingInt(TrackerHit::utterance)
                .thenComparingInt(h -> trackerIndex.getOrDefault(h, 0)));
        return hits;
    }

    // when the word at this position was said: spread evenly over the utterance
    private static long at(Utterance u, int position, int words) {
        return u.startMs() + Math.round((double) u.lengthMs() * position / words);
    }

    private static boolean matchesAt(String[] stems, int at, String[] phrase) {
        if (at + phrase.length > stems.length) {
            return false;
        }
        for (int j = 1; j < phrase.length; j++) {
            if (!stems[at + j].equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }

    /** The text, or about {@link #QUOTE_CHARS} characters of it around [from, to), cut at spaces. */
    static String quote(String text, int from, int to) {
        if (text.length() <= QUOTE_CHARS) {
            return text;
        }
        int room = Math.max(0, QUOTE_CHARS - (to - from));
        int start = Math.max(0, from - room / 2);
        int end = Math.min(text.length(), start + Math.max(QUOTE_CHARS, to - from));
        start = Math.max(0, Math.min(start, end - QUOTE_CHARS));
        if (start > 0) {
            int space = text.indexOf(' ', start);
            if (space >= 0 && space < from) {
                start = space + 1;
            }
        }
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            if (space > to) {
                end = space;
            }
        }
        return (start > 0 ? "…" : "") + text.substring(start, end).strip() + (end < text.length() ? "…" : "");
    }
}
