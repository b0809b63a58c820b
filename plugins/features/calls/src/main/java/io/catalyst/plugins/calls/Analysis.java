package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.plugins.calls.transcript.CallMetrics;
import io.catalyst.plugins.calls.transcript.SideMetrics;
import io.catalyst.plugins.calls.transcript.Tracker;
import io.catalyst.plugins.calls.transcript.TrackerHit;
import io.catalyst.plugins.calls.transcript.TrackerMatcher;
import io.catalyst.plugins.calls.transcript.Transcript;
import io.catalyst.plugins.calls.transcript.Transcripts;
import io.catalyst.plugins.calls.transcript.Utterance;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One call's analysis: its transcript parsed, its metrics, the trackers heard and the automatic scorecard. */
record Analysis(Transcript transcript, CallMetrics metrics, List<TrackerHit> hits, Scorecards.Template template,
                List<Scorecards.Answer> answers) {

    /**
     * Analyses a transcript.
     *
     * @throws io.catalyst.plugins.calls.transcript.TranscriptException when the transcript cannot be read
     */
    static Analysis of(String body, String format, String repSpeaker, String direction, Integer durationSeconds,
                       List<Trackers.Stored> trackers, String dealStage, List<Scorecards.Answer> kept) {
        Scorecards.Template template = Scorecards.forStage(dealStage);
        Set<String> names = trackers.stream().map(Trackers.Stored::name).collect(Collectors.toSet());
        if (body == null || body.isBlank()) {
            return new Analysis(null, null, List.of(), template,
                    Scorecards.merge(Scorecards.answer(template, List.of(), null, names), kept));
        }
        Transcript t = Transcripts.parse(body, format, repSpeaker, direction, durationSeconds);
        CallMetrics m = CallMetrics.of(t);
        List<Tracker> list = trackers.stream().map(Trackers.Stored::tracker).toList();
        List<TrackerHit> hits = new TrackerMatcher(list).match(t);
        return new Analysis(t, m, hits, template,
                Scorecards.merge(Scorecards.answer(template, hits, m, names), kept));
    }

    Double score() {
        return Scorecards.score(answers);
    }

    String utterancesJson() {
        if (transcript == null) {
            return null;
        }
        JsonArray a = Json.createArray();
        for (Utterance u : transcript.utterances()) {
            JsonObject j = Json.createObject();
            j.put("speaker", u.speaker());
            j.put("side", u.side().name());
            j.put("start", u.startMs());
            j.put("end", u.endMs());
            j.put("text", u.text());
            a.set(a.length(), j);
        }
        return a.toJson();
    }

    String metricsJson() {
        if (metrics == null) {
            return null;
        }
        JsonObject o = Json.createObject();
        o.put("durationMs", metrics.durationMs());
        o.put("talkRatio", metrics.talkRatio());
        o.put("rep", side(metrics.rep()));
        o.put("customer", side(metrics.customer()));
        o.put("interactivity", metrics.interactivity());
        if (!Double.isNaN(metrics.patienceSeconds())) {
            o.put("patienceSeconds", metrics.patienceSeconds());
        }
        o.put("repInterruptions", metrics.repInterruptions());
        o.put("customerInterruptions", metrics.customerInterruptions());
        o.put("silenceMs", metrics.silenceMs());
        return o.toJson();
    }

    private static JsonObject side(SideMetrics s) {
        JsonObject o = Json.createObject();
        o.put("talkMs", s.talkMs());
        o.put("words", s.words());
        o.put("wordsPerMinute", s.wordsPerMinute());
        o.put("longestMonologueMs", s.longestMonologueMs());
        o.put("questions", s.questions());
        o.put("questionsPerMinute", s.questionsPerMinute());
        o.put("fillers", s.fillers());
        o.put("fillersPer100Words", s.fillersPer100Words());
        return o;
    }

    String hitsJson() {
        JsonArray a = Json.createArray();
        for (TrackerHit h : hits) {
            JsonObject j = Json.createObject();
            j.put("tracker", h.tracker());
            j.put("phrase", h.phrase());
            j.put("side", h.side().name());
            j.put("atMs", h.atMs());
            j.put("utterance", h.utterance());
            j.put("quote", h.quote());
            a.set(a.length(), j);
        }
        return a.toJson();
    }

    String scorecardJson() {
        return Scorecards.json(template.id(), answers);
    }

    /** The next step the rep agreed at the end of the call, if a tracker heard one. */
    TrackerHit nextStep() {
        return hits.stream().filter(h -> h.tracker().equals(Trackers.NEXT_STEPS)).reduce((a, b) -> b).orElse(null);
    }
}
