package io.catalyst.plugins.calls.transcript;

/**
 * Finds where JSON stops being valid, for messages people can act on ("line 3, column 17"). Only run on text the
 * JSON parser already refused; a small recursive-descent checker of RFC 8259 syntax.
 */
final class JsonErrors {

    private final String s;
    private int i;

    private JsonErrors(String s) {
        this.s = s;
    }

    /** "what, at line L, column C" for the first syntax error, or null if none is found. */
    static String describe(String json) {
        JsonErrors p = new JsonErrors(json);
        try {
            p.ws();
            p.value(0);
            p.ws();
            if (p.i < json.length()) {
                return p.at("unexpected text after the end of the JSON");
            }
            return null;
        } catch (Bad e) {
            return e.getMessage();
        }
    }

    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String m) {
            super(m, null, false, false);
        }
    }

    private Bad bad(String what) {
        return new Bad(at(what));
    }

    private String at(String what) {
        if (i >= s.length()) {
            return "the JSON ends too early (is the file cut off?)";
        }
        int line = 1;
        int col = 1;
        for (int k = 0; k < i; k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return what + " at line " + line + ", column " + col;
    }

    private void ws() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw bad("");
        }
        return s.charAt(i);
    }

    private void value(int depth) {
        if (depth > 512) {
            throw bad("nesting too deep");
        }
        char c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw bad("unexpected character '" + c + "'");
                }
            }
        }
    }

    private void object(int depth) {
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw bad("expected a \"name\" in double quotes");
            }
            string();
            ws();
            if (peek() != ':') {
                throw bad("expected ':' after the name");
            }
            i++;
            ws();
            value(depth + 1);
            ws();
            char c = peek();
            i++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                i--;
                throw bad("expected ',' or '}'");
            }
        }
    }

    private void array(int depth) {
        i++;
        ws();
        if (peek() == ']') {
            i++;
            return;
        }
        while (true) {
            ws();
            value(depth + 1);
            ws();
            char c = peek();
            i++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                i--;
                throw bad("expected ',' or ']'");
            }
        }
    }

    private void string() {
        i++;
        while (true) {
            char c = peek();
            if (c == '"') {
                i++;
                return;
            }
            if (c == '\\') {
                i++;
                peek();
            } else if (c < 0x20) {
                throw bad("a line break or control character inside a string");
            }
            i++;
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw bad("unexpected word (expected " + word + ")");
        }
        i += word.length();
    }

    private void number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        try {
            Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            i = start;
            throw bad("not a number");
        }
    }
}
