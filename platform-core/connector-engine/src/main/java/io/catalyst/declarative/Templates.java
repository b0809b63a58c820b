package io.catalyst.declarative;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} interpolation. Names are fixed (see {@link #isKnown}) so a typo is caught when the manifest is
 * loaded, not on the first run.
 */
final class Templates {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final Set<String> FIXED = Set.of("account", "from", "to", "cursor", "from.year", "from.month",
            "from.day", "to.year", "to.month", "to.day", "account.currency", "account.timezone");

    private Templates() {
    }

    /** The variable names used in {@code text}. */
    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether a manifest may use the variable. */
    static boolean isKnown(String name) {
        return FIXED.contains(name) || name.matches("settings\\.[A-Za-z0-9_-]+") || isLevel(name);
    }

    /** {@code {{level}}} or {@code {{level.<param>}}}: the level a stream with {@code levels} is being read at. */
    static boolean isLevel(String name) {
        return name.equals("level") || name.matches("level\\.[A-Za-z0-9_]+");
    }

    /**
     * {@code text} with each variable replaced by its value passed through {@code encode}; literal text is kept as
     * written. A variable without a value becomes empty.
     */
    static String render(String text, Function<String, String> values, UnaryOperator<String> encode) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : encode.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code text} with variables replaced verbatim. */
    static String render(String text, Function<String, String> values) {
        return render(text, values, UnaryOperator.identity());
    }
}
