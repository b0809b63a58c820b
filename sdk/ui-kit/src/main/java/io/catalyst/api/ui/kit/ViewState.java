package io.catalyst.api.ui.kit;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.Period;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a figures screen shows, as its address carries it: the period (a preset such as {@code period=last_month}, or
 * {@code from} and {@code to}), the comparison ({@code compare=previous_period}, or {@code compare=custom} with {@code compare_from} and {@code compare_to}) and the filters (a dimension's id
 * with its keys, {@code channel=meta-ads}, repeated for several; {@code not.channel=...} to leave out;
 * {@code q.campaign=spring} for a name containing text). A dashboard opened at such an address shows the same
 * figures; the assistant links its numbers this way. Reading is lenient: what cannot be read is left at its default.
 * Since API 0.8.0.
 *
 * @param preset     the {@link Period#preset} name, or null for a custom range
 * @param period     the days shown
 * @param comparison    what they are compared with
 * @param comparePeriod the days compared with when {@code comparison} is {@code CUSTOM}, else null
 * @param filters       all must match
 */
public record ViewState(String preset, Period period, Comparison comparison, Period comparePeriod,
                        List<Filter> filters) {

    public ViewState {
        Objects.requireNonNull(period, "period");
        comparison = comparison == null ? Comparison.NONE : comparison;
        if (comparison == Comparison.CUSTOM && comparePeriod == null) {
            throw new IllegalArgumentException("a custom comparison needs its period");
        }
        comparePeriod = comparison == Comparison.CUSTOM ? comparePeriod : null;
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** A named period ending today. */
    public static ViewState preset(String preset, LocalDate today, Comparison comparison, List<Filter> filters) {
        return new ViewState(preset, Period.preset(preset, today), comparison, null, filters);
    }

    /** Fixed days, compared as {@code comparison} says (for {@code CUSTOM}, with {@code comparePeriod}). */
    public static ViewState range(Period period, Comparison comparison, Period comparePeriod, List<Filter> filters) {
        return new ViewState(null, period, comparison, comparePeriod, filters);
    }

    /** The address's query parameters for this state. */
    public Map<String, List<String>> toParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (preset != null) {
            p.put("period", List.of(preset));
        } else {
            p.put("from", List.of(period.from().toString()));
            p.put("to", List.of(period.to().toString()));
        }
        if (comparison != Comparison.NONE) {
            p.put("compare", List.of(comparison.name().toLowerCase(Locale.ROOT)));
        }
        if (comparePeriod != null) {
            p.put("compare_from", List.of(comparePeriod.from().toString()));
            p.put("compare_to", List.of(comparePeriod.to().toString()));
        }
        for (Filter f : filters) {
            String name = switch (f.op()) {
                case EQUALS, IN -> f.dimension().id();
                case NOT_IN -> "not." + f.dimension().id();
                case CONTAINS -> "q." + f.dimension().id();
            };
            p.computeIfAbsent(name, k -> new ArrayList<>()).addAll(f.values());
        }
        return p;
    }

    /** The query string, encoded, without the {@code ?}. */
    public String query() {
        return toParameters().entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey())
                + "=" + encode(v))).collect(Collectors.joining("&"));
    }

    /**
     * Reads a state from an address's parameters; whatever is missing or unreadable takes the given default.
     *
     * @param fallback what to show without parameters
     */
    public static ViewState fromParameters(Map<String, List<String>> parameters, LocalDate today,
                                           ViewState fallback) {
        String preset = fallback.preset();
        Period period = fallback.period();
        String named = first(parameters, "period");
        String from = first(parameters, "from");
        String to = first(parameters, "to");
        try {
            if (named != null) {
                period = Period.preset(named, today);
                preset = named.toLowerCase(Locale.ROOT);
            } else if (from != null && to != null) {
                period = new Period(LocalDate.parse(from), LocalDate.parse(to));
                preset = null;
            }
        } catch (MetricsException | DateTimeParseException e) {
            preset = fallback.preset();
            period = fallback.period();
        }
        Comparison comparison = fallback.comparison();
        Period comparePeriod = fallback.comparePeriod();
        String compare = first(parameters, "compare");
        if (compare != null) {
            try {
                Comparison asked = Comparison.valueOf(compare.toUpperCase(Locale.ROOT));
                if (asked == Comparison.CUSTOM) {
                    comparePeriod = new Period(LocalDate.parse(first(parameters, "compare_from")),
                            LocalDate.parse(first(parameters, "compare_to")));
                }
                comparison = asked;
            } catch (IllegalArgumentException | NullPointerException | MetricsException | DateTimeParseException e) {
                // unreadable: keep the default
            }
        }
        List<Filter> filters = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (d == Dimension.DATE) {
                continue;
            }
            List<String> in = values(parameters, d.id());
            if (!in.isEmpty()) {
                filters.add(in.size() == 1 ? Filter.equalTo(d, in.get(0)) : Filter.in(d, in));
            }
            List<String> out = values(parameters, "not." + d.id());
            if (!out.isEmpty()) {
                filters.add(new Filter(d, Filter.Op.NOT_IN, out));
            }
            String text = first(parameters, "q." + d.id());
            if (text != null) {
                filters.add(new Filter(d, Filter.Op.CONTAINS, List.of(text)));
            }
        }
        return new ViewState(preset, period, comparison, comparePeriod,
                filters.isEmpty() ? fallback.filters() : filters);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> v = values(parameters, name);
        return v.isEmpty() ? null : v.get(0);
    }

    // at most 50 values of at most 200 characters: an address is not a way to send the server work
    private static List<String> values(Map<String, List<String>> parameters, String name) {
        List<String> v = parameters.get(name);
        return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank() && s.length() <= 200)
                .limit(50).toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
