package io.catalyst.plugins.calls.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tartarus.snowball.ext.englishStemmer;

/**
 * Words, questions and fillers in utterance text.
 *
 * <p>A token is a run of letters and digits, lower-cased; an apostrophe inside a word stays ("don't", curly ones become
 * straight), and so does a '.' or ',' between digits ("1,200", "2.5"). Everything else separates tokens, so
 * "follow-up" is two tokens and punctuation is dropped.
 */
public final class Tokens {

    /** One token: its lower-case text and where it is in the original string. */
    public record Token(String text, int start, int end) {
    }

    /** Single-word fillers. */
    public static final Set<String> FILLER_WORDS = Set.of("um", "uh", "er", "ah", "hmm");
    /** Two-word fillers, as "first second". */
    public static final Set<String> FILLER_PAIRS = Set.of("you know", "i mean", "kind of", "sort of");
    private static final Set<String> PAIR_STARTS = Set.of("you", "i", "kind", "sort");

    private Tokens() {
    }

    /** The tokens of {@code text}, in order. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder sb = new StringBuilder();
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    sb.append(c);
                    i++;
                } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                        && Character.isLetter(text.charAt(i - 1))) {
                    sb.append('\'');
                    i++;
                } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(text.charAt(i + 1))
                        && Character.isDigit(text.charAt(i - 1))) {
                    sb.append(c);
                    i++;
                } else {
                    break;
                }
            }
            out.add(new Token(sb.toString().toLowerCase(Locale.ROOT), start, i));
        }
        return out;
    }

    /** The number of tokens in {@code text}, as {@link #tokens} splits it, without making them. */
    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inside = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean part = Character.isLetterOrDigit(c) || inside && i + 1 < n && i > 0
                    && ((c == '\'' || c == '\u2019') && Character.isLetter(text.charAt(i + 1))
                    && Character.isLetter(text.charAt(i - 1))
                    || (c == '.' || c == ',') && Character.isDigit(text.charAt(i + 1))
                    && Character.isDigit(text.charAt(i - 1)));
            if (part && !inside) {
                count++;
            }
            inside = part;
        }
        return count;
    }

    // stems are a pure function of the token: kept for every thread, up to a bound, so a company's vocabulary is
    // stemmed once (no ThreadLocal: it would keep the plugin's classes alive in the server's pooled threads)
    private static final int STEMS_KEPT = 100_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> STEMS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The Snowball (Porter2) English stem of a lower-case token. Thread-safe. */
    public static String stem(String token) {
        String known = STEMS.get(token);
        if (known != null) {
            return known;
        }
        String stem = new Stemmer().stem(token);
        if (STEMS.size() < STEMS_KEPT) {
            STEMS.put(token, stem);
        }
        return stem;
    }

    /** The number of questions: runs of '?' ("Really?? Why?" is two). */
    public static int questions(String text) {
        int count = 0;
        boolean inRun = false;
        for (int i = 0; text != null && i < text.length(); i++) {
            boolean q = text.charAt(i) == '?';
            if (q && !inRun) {
                count++;
            }
            inRun = q;
        }
        return count;
    }

    /**
     * The number of fillers: tokens in {@link #FILLER_WORDS}, pairs in {@link #FILLER_PAIRS} (counted once, not
     * overlapping), and "like" directly followed by a comma ("like, really").
     */
    public static int fillers(String text) {
        List<Token> ts = tokens(text);
        int count = 0;
        for (int i = 0; i < ts.size(); i++) {
            Token t = ts.get(i);
            if (FILLER_WORDS.contains(t.text())) {
                count++;
            } else if (i + 1 < ts.size() && PAIR_STARTS.contains(t.text())
                    && FILLER_PAIRS.contains(t.text() + " " + ts.get(i + 1).text())) {
                count++;
                i++;
            } else if (t.text().equals("like") && t.end() < text.length() && text.charAt(t.end()) == ',') {
                count++;
            }
        }
        return count;
    }

    /**
     * A Snowball (Porter2) English stemmer. Not thread-safe: use one per thread.
     */
    public static final class Stemmer {
        private final englishStemmer stemmer = new englishStemmer();

        /** The stem of a lower-case token. */
        public String stem(String token) {
            stemmer.setCurrent(token);
            stemmer.stem();
            return stemmer.getCurrent();
        }
    }
}
