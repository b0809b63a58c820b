package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.demodata.CallTranscripts;
import io.catalyst.plugins.calls.transcript.CallMetrics;
import io.catalyst.plugins.calls.transcript.TrackerMatcher;
import io.catalyst.plugins.calls.transcript.Transcript;
import io.catalyst.plugins.calls.transcript.Transcripts;
import io.catalyst.plugins.calls.transcript.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calls plugin's analysis of many transcripts against a bare pass over the same transcripts that only reads the
 * JSON and tokenises each utterance: what metrics and trackers cost on top of reading the words at all.
 */
public final class CallsBenchmark {

    private CallsBenchmark() {
    }

    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> transcripts = CallTranscripts.transcripts(20261208L, calls);
        long chars = transcripts.stream().mapToLong(String::length).sum();
        TrackerMatcher matcher = new TrackerMatcher(Trackers.defaults());
        System.out.printf(Locale.ROOT, "calls: %,d transcripts, %,d characters, %d trackers%n", calls, chars,
                Trackers.defaults().size());

        long words = bare(transcripts); // warm-up, and the words the rate is counted in
        analyse(transcripts, matcher);
        long[] full = new long[rounds];
        long[] base = new long[rounds];
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
            boolean fullFirst = r % 2 == 0;
            if (fullFirst) {
                long t = System.nanoTime();
                hits = analyse(transcripts, matcher);
                full[r] = System.nanoTime() - t;
            }
            long t = System.nanoTime();
            bare(transcripts);
            base[r] = System.nanoTime() - t;
            if (!fullFirst) {
                t = System.nanoTime();
                hits = analyse(transcripts, matcher);
                full[r] = System.nanoTime() - t;
            }
            System.out.printf(Locale.ROOT, "round %d: analysis %.2f s, bare %.2f s%n", r + 1, full[r] / 1e9,
                    base[r] / 1e9);
        }
        // where the analysis goes: each step alone over the same transcripts, once
        List<Transcript> parsed = new ArrayList<>(transcripts.size());
        long t0 = System.nanoTime();
        for (String body : transcripts) {
            parsed.add(Transcripts.parse(body, "assemblyai", null, "inbound", null));
        }
        long t1 = System.nanoTime();
        double ratios = 0;
        for (Transcript t : parsed) {
            ratios += CallMetrics.of(t).talkRatio();
        }
        long t2 = System.nanoTime();
        for (Transcript t : parsed) {
            matcher.match(t);
        }
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "calls: parse %.2f s, metrics %.2f s, trackers %.2f s (mean talk ratio %.3f)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, ratios / parsed.size());
        double value = median(full) / 1e9;
        double baseline = median(base) / 1e9;
        System.out.printf(Locale.ROOT, "calls: %,d words; analysis %,.0f words/s (%,d tracker hits), bare %,.0f words/s%n",
                words, words / value, hits, words / baseline);
        System.out.printf(Locale.ROOT, "calls value=%.2f baseline=%.2f ratio=%.2f unit=s%n", value, baseline,
                value / baseline);
    }

    // what the plugin does with each transcript: parse it, measure it, match the trackers
    private static long analyse(List<String> transcripts, TrackerMatcher matcher) {
        long hits = 0;
        double sink = 0;
        for (String body : transcripts) {
            Transcript t = Transcripts.parse(body, "assemblyai", null, "inbound", null);
            sink += CallMetrics.of(t).talkRatio();
            hits += matcher.match(t).size();
        }
        if (sink < 0) {
            throw new IllegalStateException(); // keeps the metrics from being optimised away
        }
        return hits;
    }

    // the least any analysis does: read the JSON and split each utterance into words
    private static long bare(List<String> transcripts) {
        long words = 0;
        for (String body : transcripts) {
            JsonObject o = Json.parse(body);
            JsonArray utterances = o.getArray("utterances");
            for (int i = 0; i < utterances.length(); i++) {
                words += Tokens.tokens(utterances.getObject(i).getString("text")).size();
            }
        }
        return words;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
