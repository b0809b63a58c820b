package io.catalyst.api.ai;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a tool answered. Since API 0.8.0.
 *
 * @param text    what the model reads: compact, with every figure written out
 * @param figures the figures in the answer, each with the address that shows it; the assistant checks the reply's
 *                numbers against them and links each one there
 * @param link    an address in the application that shows the whole answer (a dashboard with the same period and
 *                filters), or null
 */
public record ToolResult(String text, List<Figure> figures, String link) {

    public ToolResult {
        Objects.requireNonNull(text, "text");
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    public static ToolResult text(String text) {
        return new ToolResult(text, List.of(), null);
    }

    /**
     * One figure a tool answered.
     *
     * @param label  what it is, e.g. "ROAS, Meta, November 2026"
     * @param value  the exact value
     * @param format how it is shown: {@code money}, {@code percent} (0.12 is 12 %), {@code ratio}, {@code integer},
     *               {@code number}
     * @param link   the address that shows it, or null for the result's link
     */
    public record Figure(String label, BigDecimal value, String format, String link) {

        public Figure {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            format = format == null ? "number" : format;
        }
    }
}
