package io.catalyst.plugins.assistant;

import io.catalyst.api.ai.ToolResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the figures in a reply with what the tools answered. Each number that looks like a figure (money, a
 * percentage, a ratio, a decimal, a count of 100 or more) is matched against the tools' figures at the precision it
 * is written with ("4.2" matches 4.21, "€12.3k" matches 12,345); a match links to where the figure came from, and a
 * number with no match is flagged. Dates, years and small counts ("3 campaigns", "last 7 days") are left as text.
 */
final class FigureCheck {

    // an optional currency, a number with optional thousands separators and decimals, an optional k/M, and a unit
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.-])([€$£]\\s?)?([-−+]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s?([kKmM](?![a-zA-Z]))?"
                    + "\\s?(%|×|x(?![a-zA-Z])|\\s?(?:EUR|USD|GBP)\\b)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A piece of the reply: plain text, or a number with the figure it matched (null when none did). */
    record Part(String text, boolean number, ToolResult.Figure figure) {
        boolean unverified() {
            return number && figure == null;
        }
    }

    private FigureCheck() {
    }

    static List<Part> check(String reply, List<ToolResult.Figure> figures) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        Matcher dates = DATE.matcher(reply);
        List<int[]> dateSpans = new ArrayList<>();
        while (dates.find()) {
            dateSpans.add(new int[] {dates.start(), dates.end()});
        }
        Matcher m = NUMBER.matcher(reply);
        while (m.find()) {
            if (m.group().isBlank() || inside(dateSpans, m.start())) {
                continue;
            }
            Written w = written(m);
            if (!w.figureLike()) {
                continue;
            }
            if (m.start() > at) {
                parts.add(new Part(reply.substring(at, m.start()), false, null));
            }
            String shown = m.group().stripTrailing();
            parts.add(new Part(shown, true, match(w, figures)));
            at = m.start() + shown.length();
        }
        if (at < reply.length()) {
            parts.add(new Part(reply.substring(at), false, null));
        }
        return parts;
    }

    static long unverified(List<Part> parts) {
        return parts.stream().filter(Part::unverified).count();
    }

    /** A number as written: its value, the precision it was written with, and what kind of figure it looks like. */
    private record Written(BigDecimal value, BigDecimal halfUnit, boolean percent, boolean money, boolean ratio,
                           boolean decimal) {
        boolean figureLike() {
            BigDecimal abs = value.abs();
            boolean yearLike = !decimal && !money && !percent && abs.compareTo(BigDecimal.valueOf(1900)) >= 0
                    && abs.compareTo(BigDecimal.valueOf(2100)) <= 0;
            return money || percent || ratio || decimal || abs.compareTo(BigDecimal.valueOf(100)) >= 0 && !yearLike;
        }
    }

    private static Written written(Matcher m) {
        String digits = m.group(3).replace(",", "");
        String fraction = m.group(4) == null ? "" : m.group(4);
        BigDecimal value = new BigDecimal(digits + fraction);
        int scale = fraction.isEmpty() ? 0 : fraction.length() - 1;
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
        String multiplier = m.group(5);
        if (multiplier != null) {
            int shift = multiplier.equalsIgnoreCase("k") ? 3 : 6;
            value = value.movePointRight(shift);
            halfUnit = halfUnit.movePointRight(shift);
        }
        if ("-".equals(m.group(2)) || "−".equals(m.group(2))) {
            value = value.negate();
        }
        String unit = m.group(6) == null ? "" : m.group(6).strip();
        boolean money = m.group(1) != null || unit.matches("EUR|USD|GBP");
        boolean percent = "%".equals(unit);
        boolean ratio = "×".equals(unit) || "x".equals(unit);
        return new Written(value, halfUnit, percent, money, ratio, scale > 0 || multiplier != null);
    }

    private static ToolResult.Figure match(Written w, List<ToolResult.Figure> figures) {
        for (ToolResult.Figure f : figures) {
            BigDecimal value = f.value();
            if (w.percent()) {
                if (!"percent".equals(f.format())) {
                    continue;
                }
                value = value.movePointRight(2); // figures hold fractions: 0.088 is 8.8 %
            } else if ("percent".equals(f.format()) && !w.percent()) {
                continue;
            }
            // a change may be written without its sign ("fell by 8.8 %")
            if (close(w.value(), value, w.halfUnit()) || close(w.value().abs(), value.abs(), w.halfUnit())) {
                return f;
            }
        }
        return null;
    }

    private static boolean close(BigDecimal written, BigDecimal exact, BigDecimal halfUnit) {
        return written.subtract(exact).abs().compareTo(halfUnit.add(new BigDecimal("1e-9"))) <= 0;
    }

    private static boolean inside(List<int[]> spans, int position) {
        return spans.stream().anyMatch(s -> position >= s[0] && position < s[1]);
    }
}
