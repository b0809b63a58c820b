package io.catalyst.metrics;

import io.catalyst.api.metrics.MetricsException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A metric formula such as {@code spend / (leads - junk_leads)}: numbers, metric names, {@code + - * /} and
 * parentheses. It is parsed into a tree here and evaluated in Java over a row's summed figures, so it never becomes
 * SQL text. A division by zero, or any missing operand, makes the value missing (null), as an empty cell.
 */
public final class Formula {

    static final int MAX_LENGTH = 500;
    private static final int MAX_DEPTH = 20;
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final String text;
    private final Node root;
    private final Set<String> names;

    private Formula(String text, Node root, Set<String> names) {
        this.text = text;
        this.root = root;
        this.names = names;
    }

    /**
     * Parses a formula whose names must all be {@code known}.
     *
     * @throws MetricsException naming the position and what was expected
     */
    public static Formula parse(String text, Predicate<String> known) {
        if (text == null || text.isBlank()) {
            throw new MetricsException("the formula is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new MetricsException("a formula is at most " + MAX_LENGTH + " characters long");
        }
        Parser parser = new Parser(text, known);
        Node root = parser.sum(0);
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("an operator (+ - * /)");
        }
        return new Formula(text.strip(), root, Set.copyOf(parser.names));
    }

    /** The formula as written. */
    public String text() {
        return text;
    }

    /** The metric names it uses. */
    public Set<String> names() {
        return names;
    }

    /** Its value over figures by metric name; null when an operand is missing or a denominator is zero. */
    public BigDecimal evaluate(Map<String, BigDecimal> figures) {
        return root.eval(figures);
    }

    private interface Node {
        BigDecimal eval(Map<String, BigDecimal> figures);
    }

    private record Number(BigDecimal value) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures) {
            return value;
        }
    }

    private record Name(String name) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures) {
            return figures.get(name);
        }
    }

    private record Negate(Node operand) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures) {
            BigDecimal v = operand.eval(figures);
            return v == null ? null : v.negate();
        }
    }

    private record Binary(char op, Node left, Node right) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures) {
            BigDecimal a = left.eval(figures);
            BigDecimal b = right.eval(figures);
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                case '*' -> a.multiply(b, MATH);
                default -> b.signum() == 0 ? null : a.divide(b, MATH);
            };
        }
    }

    // recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*;
    // unary := '-' unary | atom; atom := number | name | '(' sum ')'
    private static final class Parser {
        private final String text;
        private final Predicate<String> known;
        private final Set<String> names = new LinkedHashSet<>();
        private int pos;

        Parser(String text, Predicate<String> known) {
            this.text = text;
            this.known = known;
        }

        Node sum(int depth) {
            Node left = product(depth);
            while (true) {
                skipSpace();
                if (peek('+') || peek('-')) {
                    char op = text.charAt(pos++);
                    left = new Binary(op, left, product(depth));
                } else {
                    return left;
                }
            }
        }

        Node product(int depth) {
            Node left = unary(depth);
            while (true) {
                skipSpace();
                if (peek('*') || peek('/')) {
                    char op = text.charAt(pos++);
                    left = new Binary(op, left, unary(depth));
                } else {
                    return left;
                }
            }
        }

        Node unary(int depth) {
            if (depth > MAX_DEPTH) {
                throw new MetricsException("the formula nests deeper than " + MAX_DEPTH + " levels");
            }
            skipSpace();
            if (peek('-')) {
                pos++;
                return new Negate(unary(depth + 1));
            }
            return atom(depth);
        }

        Node atom(int depth) {
            skipSpace();
            if (pos >= text.length()) {
                throw error("a metric name, a number or '('");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = sum(depth + 1);
                skipSpace();
                if (!peek(')')) {
                    throw error("')'");
                }
                pos++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Number(new BigDecimal(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("a number");
                }
            }
            if (c >= 'a' && c <= 'z') {
                int start = pos;
                while (pos < text.length() && isNamePart(text.charAt(pos))) {
                    pos++;
                }
                String name = text.substring(start, pos);
                if (!known.test(name)) {
                    pos = start;
                    throw new MetricsException("unknown metric '" + name + "' at position " + (start + 1)
                            + " of the formula");
                }
                names.add(name);
                return new Name(name);
            }
            throw error("a metric name, a number or '('");
        }

        private static boolean isNamePart(char c) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }

        boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        void skipSpace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        MetricsException error(String expected) {
            String found = pos >= text.length() ? "the end" : "'" + printable(text.charAt(pos)) + "'";
            return new MetricsException("expected " + expected + " at position " + (pos + 1) + " of the formula, found "
                    + found);
        }

        private static String printable(char c) {
            return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
