package io.catalyst.plugins.calls.transcript;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads diarised transcripts: AssemblyAI transcript objects, Deepgram pre-recorded responses and plain text. See
 * docs/calls.md, "Transcripts", for the rules.
 */
public final class Transcripts {

    public static final List<String> FORMATS = List.of("assemblyai", "deepgram", "text");

    /** The largest body accepted, in UTF-8 bytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The longest call accepted. */
    public static final long MAX_CALL_MS = 2 * 60 * 60 * 1000L;
    /** Deepgram words of one speaker are split into two utterances at a pause longer than this. */
    public static final long DEEPGRAM_PAUSE_MS = 1500;
    /** Speaking rate assumed for plain text without timestamps when the call's duration is unknown. */
    public static final double WORDS_PER_SECOND = 2.5;

    static final Set<String> REP_LABELS = Set.of("agent", "rep", "sales", "salesperson", "advisor", "host");
    static final Set<String> CUSTOMER_LABELS = Set.of("caller", "customer", "client", "prospect", "lead", "guest");

    private Transcripts() {
    }

    /**
     * Reads a transcript.
     *
     * @param body            the transcript: JSON or text
     * @param format          one of {@link #FORMATS}, or null / "auto" to detect it
     * @param repSpeaker      the speaker label that is the rep (AssemblyAI "A"/"B", Deepgram "0"/"1", text labels), or
     *                        null to infer it
     * @param direction       "inbound", "outbound" or null (unknown)
     * @param durationSeconds the call's duration when known (used to time plain text), or null
     * @throws TranscriptException when the transcript cannot be used, with a message saying what and where
     */
    public static Transcript parse(String body, String format, String repSpeaker, String direction,
            Integer durationSeconds) {
        if (body == null || body.isBlank()) {
            throw new TranscriptException("the transcript is empty");
        }
        long bytes = utf8Length(body);
        if (bytes > MAX_BYTES) {
            throw new TranscriptException("the transcript is " + mb(bytes) + " MB; the limit is 5 MB");
        }
        Direction dir = Direction.of(direction);
        if (durationSeconds != null && durationSeconds < 0) {
            throw new TranscriptException("the call's duration is negative (" + durationSeconds + " s)");
        }
        String fmt = format == null ? "auto" : format.strip().toLowerCase(Locale.ROOT);
        if (fmt.isEmpty()) {
            fmt = "auto";
        }
        if (!fmt.equals("auto") && !FORMATS.contains(fmt)) {
            throw new TranscriptException("unknown transcript format '" + format + "': use one of "
                    + String.join(", ", FORMATS) + " or auto");
        }
        String trimmed = body.strip();
        JsonObject json = null;
        if (fmt.equals("auto")) {
            if (trimmed.startsWith("{")) {
                json = json(trimmed);
                if (json.hasKey("utterances")) {
                    fmt = "assemblyai";
                } else if (isObject(json, "results") && json.getObject("results").hasKey("channels")) {
                    fmt = "deepgram";
                } else {
                    throw new TranscriptException("the JSON is neither an AssemblyAI transcript (with \"utterances\")"
                            + " nor a Deepgram response (with \"results\".\"channels\")");
                }
            } else {
                fmt = "text";
            }
        } else if (!fmt.equals("text")) {
            json = json(trimmed);
        }
        Parsed parsed = switch (fmt) {
            case "assemblyai" -> assemblyAi(json);
            case "deepgram" -> deepgram(json);
            default -> text(body, durationSeconds);
        };
        if (parsed.raw.isEmpty()) {
            throw new TranscriptException("the transcript has no utterances");
        }
        long duration = parsed.durationMs;
        if (durationSeconds != null) {
            duration = Math.max(duration, durationSeconds * 1000L);
        }
        long callMs = duration;
        for (Raw r : parsed.raw) {
            callMs = Math.max(callMs, r.endMs);
        }
        if (callMs > MAX_CALL_MS) {
            throw new TranscriptException("the call is " + clock(callMs) + " long; calls over 2 hours are not"
                    + " accepted: split the recording");
        }
        Map<String, Side> sides = sides(parsed.raw, fmt, repSpeaker, dir);
        List<Utterance> out = new ArrayList<>(parsed.raw.size());
        for (Raw r : parsed.raw) {
            out.add(new Utterance(r.speaker, sides.get(r.speaker), r.startMs, r.endMs, r.text));
        }
        return new Transcript(fmt, out, duration, parsed.estimated);
    }

    // ---------------------------------------------------------------- sides

    private enum Direction {
        INBOUND, OUTBOUND, UNKNOWN;

        static Direction of(String s) {
            if (s == null || s.isBlank()) {
                return UNKNOWN;
            }
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "inbound" -> INBOUND;
                case "outbound" -> OUTBOUND;
                default -> throw new TranscriptException("the call direction is '" + s
                        + "': use inbound, outbound, or leave it empty if unknown");
            };
        }
    }

    private static Map<String, Side> sides(List<Raw> raw, String fmt, String repSpeaker, Direction dir) {
        // speakers in order of first appearance (by time)
        List<Raw> byTime = new ArrayList<>(raw);
        byTime.sort((a, b) -> Long.compare(a.startMs, b.startMs));
        Set<String> speakers = new LinkedHashSet<>();
        for (Raw r : byTime) {
            speakers.add(r.speaker);
        }
        Map<String, Side> sides = new LinkedHashMap<>();
        if (repSpeaker != null && !repSpeaker.isBlank()) {
            String want = label(repSpeaker);
            boolean found = false;
            for (String s : speakers) {
                boolean rep = label(s).equals(want);
                found |= rep;
                sides.put(s, rep ? Side.REP : Side.CUSTOMER);
            }
            if (!found) {
                throw new TranscriptException("the rep speaker '" + repSpeaker.strip() + "' is not in the transcript;"
                        + " its speakers are " + String.join(", ", speakers));
            }
            return sides;
        }
        boolean anyRep = false;
        boolean anyCustomer = false;
        for (String s : speakers) {
            Side role = role(s);
            anyRep |= role == Side.REP;
            anyCustomer |= role == Side.CUSTOMER;
        }
        if (anyRep || anyCustomer) {
            for (String s : speakers) {
                Side role = role(s);
                // when only customers are named, the others are the rep; when reps are named, the others customers
                sides.put(s, role != null ? role : anyRep ? Side.CUSTOMER : Side.REP);
            }
            return sides;
        }
        List<String> order = new ArrayList<>(speakers);
        String rep = dir == Direction.OUTBOUND && order.size() > 1 ? order.get(1) : order.get(0);
        for (String s : order) {
            sides.put(s, s.equals(rep) ? Side.REP : Side.CUSTOMER);
        }
        return sides;
    }

    /** A speaker label compared case-insensitively, without a leading "Speaker " ("Speaker A" is "a"). */
    private static String label(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("speaker ") || l.startsWith("speaker_") || l.startsWith("speaker-")) {
            l = l.substring(8).strip();
        }
        return l;
    }

    /** The side a text label names by one of its words ("Agent Smith" → REP), or null. */
    static Side role(String speaker) {
        for (Tokens.Token t : Tokens.tokens(speaker)) {
            if (REP_LABELS.contains(t.text())) {
                return Side.REP;
            }
            if (CUSTOMER_LABELS.contains(t.text())) {
                return Side.CUSTOMER;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- JSON

    private record Raw(String speaker, long startMs, long endMs, String text) {
    }

    private record Parsed(List<Raw> raw, long durationMs, boolean estimated) {
    }

    private static JsonObject json(String body) {
        JsonValue v;
        try {
            v = Json.instance().parse(body);
        } catch (RuntimeException e) {
            String why = syntaxError(body);
            if (why == null) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            throw new TranscriptException("not valid JSON: " + why, e);
        }
        if (v == null || v.getType() != JsonType.OBJECT) {
            throw new TranscriptException("not valid JSON: expected an object in { }");
        }
        return (JsonObject) v;
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /**
     * Where JSON the parser refused stops being valid, in words people can act on ("unexpected character '}': was
     * expecting double-quote to start field name at line 1, column 17"), from Jackson's streaming reader (elemental's
     * parser says neither where nor what); null when Jackson finds nothing wrong.
     */
    static String syntaxError(String body) {
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(body)) {
            while (p.nextToken() != null) {
                p.skipChildren();
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String what = e.getOriginalMessage();
            if (what.contains("end-of-input")) {
                return "the JSON ends too early (is the file cut off?)";
            }
            // "Unexpected character ('}' (code 125)): was expecting ..." → "unexpected character '}': was expecting ..."
            // and drop where an open array or object began: Jackson's own source description means nothing to people
            what = what.replaceAll("\\('(.)' \\(code \\d+\\)\\)", "'$1'")
                    .replaceAll(" \\(for \\w+ starting at \\[.*?]\\)", "").replaceAll("\\s+", " ").strip();
            var at = e.getLocation();
            return Character.toLowerCase(what.charAt(0)) + what.substring(1)
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static boolean isObject(JsonObject o, String key) {
        return o.hasKey(key) && o.get(key) != null && o.get(key).getType() == JsonType.OBJECT;
    }

    private static boolean isArray(JsonObject o, String key) {
        return o.hasKey(key) && o.get(key) != null && o.get(key).getType() == JsonType.ARRAY;
    }

    private static boolean present(JsonObject o, String key) {
        return o.hasKey(key) && o.get(key) != null && o.get(key).getType() != JsonType.NULL;
    }

    /** A number field, or NaN when absent or null; text that is not a number is an error. */
    private static double number(JsonObject o, String key, String where) {
        if (!present(o, key)) {
            return Double.NaN;
        }
        JsonValue v = o.get(key);
        if (v.getType() == JsonType.NUMBER) {
            return v.asNumber();
        }
        if (v.getType() == JsonType.STRING) {
            try {
                return Double.parseDouble(v.asString().strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new TranscriptException(where + ": \"" + key + "\" should be a number, not " + v.toJson());
    }

    private static double required(JsonObject o, String key, String where) {
        double d = number(o, key, where);
        if (Double.isNaN(d)) {
            throw new TranscriptException(where + ": \"" + key + "\" is missing");
        }
        return d;
    }

    private static String string(JsonObject o, String key) {
        if (!present(o, key)) {
            return null;
        }
        JsonValue v = o.get(key);
        if (v.getType() == JsonType.STRING) {
            return v.asString();
        }
        if (v.getType() == JsonType.NUMBER) {
            double d = v.asNumber();
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return v.toJson();
    }

    /** Checks one utterance's (or word's) times, in ms. */
    private static void checkTimes(String where, long start, long end, String unit, double scale) {
        if (start < 0 || end < 0) {
            throw new TranscriptException(where + ": a time is negative (start " + fmt(start, unit, scale) + ", end "
                    + fmt(end, unit, scale) + ")");
        }
        if (end < start) {
            throw new TranscriptException(where + ": end " + fmt(end, unit, scale) + " is before start "
                    + fmt(start, unit, scale));
        }
    }

    private static String fmt(long ms, String unit, double scale) {
        if (scale == 1) {
            return ms + " " + unit;
        }
        double v = ms / scale;
        return (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)) + " " + unit;
    }

    private static Parsed assemblyAi(JsonObject json) {
        if ("error".equals(string(json, "status"))) {
            String error = string(json, "error");
            throw new TranscriptException("AssemblyAI could not transcribe this call"
                    + (error == null ? "" : ": " + error));
        }
        if (!isArray(json, "utterances")) {
            throw new TranscriptException("the AssemblyAI transcript has no \"utterances\": transcribe with"
                    + " speaker_labels enabled");
        }
        JsonArray us = json.getArray("utterances");
        List<Raw> raw = new ArrayList<>(us.length());
        for (int i = 0; i < us.length(); i++) {
            String where = "utterance " + (i + 1);
            JsonValue v = us.get(i);
            if (v == null || v.getType() != JsonType.OBJECT) {
                throw new TranscriptException(where + ": expected an object with speaker, start, end and text");
            }
            JsonObject u = (JsonObject) v;
            double start = required(u, "start", where);
            double end = required(u, "end", where);
            long s = Math.round(start);
            long e = Math.round(end);
            checkTimes(where, s, e, "ms", 1);
            String speaker = string(u, "speaker");
            if (speaker == null || speaker.isBlank()) {
                throw new TranscriptException(where + ": \"speaker\" is missing: transcribe with speaker_labels"
                        + " enabled");
            }
            String text = string(u, "text");
            raw.add(new Raw(speaker.strip(), s, e, text == null ? "" : text.strip()));
        }
        double duration = number(json, "audio_duration", "the transcript");
        return new Parsed(raw, seconds(duration, "audio_duration"), false);
    }

    private static long seconds(double seconds, String key) {
        if (Double.isNaN(seconds)) {
            return 0;
        }
        if (seconds < 0) {
            throw new TranscriptException("the call's duration (\"" + key + "\") is negative: " + seconds + " s");
        }
        if (seconds * 1000 > MAX_CALL_MS) {
            throw new TranscriptException("the call is " + clock(Math.round(seconds * 1000)) + " long; calls over"
                    + " 2 hours are not accepted: split the recording");
        }
        return Math.round(seconds * 1000);
    }

    private static Parsed deepgram(JsonObject json) {
        if (!isObject(json, "results") || !isArray(json.getObject("results"), "channels")) {
            throw new TranscriptException("the Deepgram response has no \"results\".\"channels\"");
        }
        JsonObject results = json.getObject("results");
        JsonArray channels = results.getArray("channels");
        boolean multichannel = channels.length() > 1;
        long duration = 0;
        if (isObject(json, "metadata")) {
            duration = seconds(number(json.getObject("metadata"), "duration", "metadata"), "metadata.duration");
        }
        // results.utterances, when Deepgram was asked for them and they carry speakers, are its own grouping
        if (isArray(results, "utterances") && results.getArray("utterances").length() > 0) {
            JsonArray us = results.getArray("utterances");
            boolean speakers = true;
            for (int i = 0; i < us.length(); i++) {
                JsonValue v = us.get(i);
                speakers &= v != null && v.getType() == JsonType.OBJECT
                        && (present((JsonObject) v, "speaker") || multichannel);
            }
            if (speakers) {
                List<Raw> raw = new ArrayList<>();
                for (int i = 0; i < us.length(); i++) {
                    JsonObject u = us.getObject(i);
                    String where = "utterance " + (i + 1);
                    long s = Math.round(required(u, "start", where) * 1000);
                    long e = Math.round(required(u, "end", where) * 1000);
                    checkTimes(where, s, e, "s", 1000);
                    String speaker = multichannel ? channelOf(u) : string(u, "speaker");
                    String text = string(u, "transcript");
                    raw.add(new Raw(speaker, s, e, text == null ? "" : text.strip()));
                }
                return new Parsed(raw, duration, false);
            }
        }
        record Word(String speaker, long start, long end, String text) {
        }
        List<Word> words = new ArrayList<>();
        for (int c = 0; c < channels.length(); c++) {
            JsonValue cv = channels.get(c);
            if (cv == null || cv.getType() != JsonType.OBJECT || !isArray((JsonObject) cv, "alternatives")
                    || ((JsonObject) cv).getArray("alternatives").length() == 0) {
                throw new TranscriptException("channel " + (c + 1) + " of the Deepgram response has no"
                        + " \"alternatives\"");
            }
            JsonValue av = ((JsonObject) cv).getArray("alternatives").get(0);
            if (av == null || av.getType() != JsonType.OBJECT || !isArray((JsonObject) av, "words")) {
                throw new TranscriptException("channel " + (c + 1) + " of the Deepgram response has no \"words\"");
            }
            JsonArray ws = ((JsonObject) av).getArray("words");
            for (int i = 0; i < ws.length(); i++) {
                JsonValue wv = ws.get(i);
                String where = "word " + (i + 1) + (multichannel ? " of channel " + (c + 1) : "");
                if (wv == null || wv.getType() != JsonType.OBJECT) {
                    throw new TranscriptException(where + ": expected an object with word, start and end");
                }
                JsonObject w = (JsonObject) wv;
                String text = string(w, "punctuated_word");
                if (text == null) {
                    text = string(w, "word");
                }
                where += text == null ? "" : " (\"" + text + "\")";
                long s = Math.round(required(w, "start", where) * 1000);
                long e = Math.round(required(w, "end", where) * 1000);
                checkTimes(where, s, e, "s", 1000);
                String speaker = multichannel ? Integer.toString(c) : string(w, "speaker");
                words.add(new Word(speaker == null ? "0" : speaker, s, e, text == null ? "" : text));
            }
        }
        words.sort((a, b) -> Long.compare(a.start, b.start));
        List<Raw> raw = new ArrayList<>();
        String speaker = null;
        long start = 0;
        long end = 0;
        StringBuilder text = new StringBuilder();
        for (Word w : words) {
            if (speaker != null && (!w.speaker.equals(speaker) || w.start - end > DEEPGRAM_PAUSE_MS)) {
                raw.add(new Raw(speaker, start, end, text.toString()));
                speaker = null;
                text.setLength(0);
            }
            if (speaker == null) {
                speaker = w.speaker;
                start = w.start;
                end = w.end;
            } else {
                end = Math.max(end, w.end);
                text.append(' ');
            }
            text.append(w.text);
        }
        if (speaker != null) {
            raw.add(new Raw(speaker, start, end, text.toString()));
        }
        return new Parsed(raw, duration, false);
    }

    private static String channelOf(JsonObject u) {
        if (present(u, "channel")) {
            return string(u, "channel");
        }
        return "0";
    }

    // ---------------------------------------------------------------- text

    private static final Pattern TIME_BRACKET = Pattern.compile(
            "^\\s*\\[\\s*(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:[.,]\\d+)?\\s*\\]\\s*");
    private static final Pattern TIME_BARE = Pattern.compile(
            "^\\s*(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:[.,]\\d+)?\\s+");
    private static final Pattern LABEL = Pattern.compile(
            "^\\s*([\\p{L}\\p{N}][\\p{L}\\p{N} ._'()\\-]{0,39}?)\\s*:(?:\\s+|$)(.*)$");

    private static final class Line {
        String speaker;
        Long timeMs;
        final StringBuilder text = new StringBuilder();
        final int lineNo;

        Line(int lineNo) {
            this.lineNo = lineNo;
        }
    }

    private static Parsed text(String body, Integer durationSeconds) {
        String[] lines = body.split("\\R");
        List<Line> us = new ArrayList<>();
        Line current = null;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String original = line;
            Long time = null;
            boolean bracketed = true;
            Matcher tm = TIME_BRACKET.matcher(line);
            if (!tm.find()) {
                bracketed = false;
                tm = TIME_BARE.matcher(line);
                if (!tm.find()) {
                    tm = null;
                }
            }
            if (tm != null) {
                long h = tm.group(1) == null ? 0 : Long.parseLong(tm.group(1));
                long m = Long.parseLong(tm.group(2));
                long s = Long.parseLong(tm.group(3));
                if (s >= 60 || (tm.group(1) != null && m >= 60)) {
                    throw new TranscriptException("line " + (n + 1) + ": '" + tm.group().strip()
                            + "' is not a valid time (use hh:mm:ss or mm:ss)");
                }
                time = ((h * 60 + m) * 60 + s) * 1000;
                line = line.substring(tm.end()).strip();
            }
            Matcher lm = LABEL.matcher(line);
            boolean labelled = lm.matches() && lm.group(1).strip().split("\\s+").length <= 4;
            if (!labelled && time != null && !bracketed && (current == null || current.timeMs == null)) {
                // "2:30 works for me" continuing an untimed utterance: text, not a timestamp
                time = null;
                line = original;
            }
            if (labelled) {
                current = new Line(n + 1);
                current.speaker = lm.group(1).strip();
                current.timeMs = time;
                current.text.append(lm.group(2).strip());
                us.add(current);
            } else if (current == null) {
                // a title or note before the first "Speaker: text" line
                continue;
            } else if (time != null) {
                // a new timed utterance of the same speaker
                Line next = new Line(n + 1);
                next.speaker = current.speaker;
                next.timeMs = time;
                next.text.append(line);
                us.add(next);
                current = next;
            } else {
                if (!current.text.isEmpty()) {
                    current.text.append(' ');
                }
                current.text.append(line);
            }
        }
        if (us.isEmpty()) {
            throw new TranscriptException("no 'Speaker: text' lines found: write each utterance on its own line,"
                    + " starting with the speaker's name and a colon (for example 'Agent: Hello')");
        }
        boolean anyTime = us.stream().anyMatch(u -> u.timeMs != null);
        List<Raw> raw = new ArrayList<>(us.size());
        if (!anyTime) {
            long total = 0;
            for (Line u : us) {
                total += Tokens.count(u.text.toString());
            }
            double msPerWord = durationSeconds != null && durationSeconds > 0 && total > 0
                    ? durationSeconds * 1000.0 / total : 1000.0 / WORDS_PER_SECOND;
            long before = 0;
            for (Line u : us) {
                int words = Tokens.count(u.text.toString());
                long s = Math.round(before * msPerWord);
                long e = Math.round((before + words) * msPerWord);
                raw.add(new Raw(u.speaker, s, e, u.text.toString()));
                before += words;
            }
            return new Parsed(raw, 0, true);
        }
        // Timed: each utterance starts at its timestamp (or, without one, where the previous one would end at
        // WORDS_PER_SECOND) and lasts until the next starts; the last one until the call's end when known,
        // else for its words at WORDS_PER_SECOND.
        long[] starts = new long[us.size()];
        long prevStart = 0;
        int prevWords = 0;
        for (int i = 0; i < us.size(); i++) {
            Line u = us.get(i);
            if (u.timeMs != null) {
                if (i > 0 && u.timeMs < prevStart) {
                    throw new TranscriptException("line " + u.lineNo + ": time " + clock(u.timeMs)
                            + " is before the previous line's " + clock(prevStart));
                }
                starts[i] = u.timeMs;
            } else {
                starts[i] = i == 0 ? 0 : prevStart + Math.round(prevWords * 1000 / WORDS_PER_SECOND);
                // not past the next timestamp
                for (int j = i + 1; j < us.size(); j++) {
                    if (us.get(j).timeMs != null) {
                        starts[i] = Math.max(prevStart, Math.min(starts[i], us.get(j).timeMs));
                        break;
                    }
                }
            }
            prevStart = starts[i];
            prevWords = Tokens.count(u.text.toString());
        }
        for (int i = 0; i < us.size(); i++) {
            Line u = us.get(i);
            long end;
            if (i + 1 < us.size()) {
                end = starts[i + 1];
            } else {
                long spoken = starts[i] + Math.round(Tokens.count(u.text.toString()) * 1000 / WORDS_PER_SECOND);
                end = durationSeconds != null && durationSeconds * 1000L > starts[i] ? durationSeconds * 1000L
                        : spoken;
            }
            raw.add(new Raw(u.speaker, starts[i], end, u.text.toString()));
        }
        return new Parsed(raw, 0, false);
    }

    // ---------------------------------------------------------------- helpers

    static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static long utf8Length(String s) {
        if ((long) s.length() * 3 <= MAX_BYTES) {
            return s.length(); // a lower bound that is under the limit anyway
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
