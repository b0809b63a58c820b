package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.Period;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses the days to look at and what to compare them with: a preset ({@link Period#preset} names), or a custom
 * range from two date pickers; and no comparison, the previous period or the previous year. Listeners hear each
 * complete, valid choice.
 */
public class PeriodPicker extends Div {

    private static final long serialVersionUID = 1L;

    /** The value {@link #getPreset()} answers for a custom range. */
    public static final String CUSTOM = "custom";

    /** The presets offered, in order, with their labels. */
    public static final Map<String, String> PRESETS = presets();

    /** Hears a new period and comparison. */
    @FunctionalInterface
    public interface ChangeListener extends Serializable {
        void changed(Period period, Comparison comparison);
    }

    private final LocalDate today;
    private final Select<String> preset = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<Comparison> compare = new Select<>();
    private final List<ChangeListener> listeners = new ArrayList<>();
    private Period period;
    private Period comparePeriod;
    private boolean quiet;

    /** Starts at the last 30 days compared with the previous period. */
    public PeriodPicker(LocalDate today) {
        this(today, "last_30_days", Comparison.PREVIOUS_PERIOD);
    }

    public PeriodPicker(LocalDate today, String initialPreset, Comparison initialComparison) {
        this.today = Objects.requireNonNull(today, "today");
        addClassName("catalyst-period-picker");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s, .5rem)")
                .set("align-items", "baseline");
        preset.setLabel("Period");
        List<String> items = new ArrayList<>(PRESETS.keySet());
        items.add(CUSTOM);
        preset.setItems(items);
        preset.setItemLabelGenerator(p -> CUSTOM.equals(p) ? "Custom range" : PRESETS.getOrDefault(p, p));
        preset.setWidth("12rem");
        compare.setLabel("Compare with");
        compare.setItems(Comparison.NONE, Comparison.PREVIOUS_PERIOD, Comparison.PREVIOUS_YEAR);
        compare.setItemLabelGenerator(c -> c == Comparison.CUSTOM && comparePeriod != null
                ? comparePeriod.from() + " to " + comparePeriod.to() : label(c));
        compare.setWidth("12rem");
        from.setWidth("10rem");
        to.setWidth("10rem");
        from.setMax(today);
        to.setMax(today);
        quiet = true;
        preset.setValue(initialPreset);
        compare.setValue(initialComparison == Comparison.CUSTOM ? Comparison.PREVIOUS_PERIOD : initialComparison);
        period = CUSTOM.equals(initialPreset) ? Period.preset("last_30_days", today)
                : Period.preset(initialPreset, today);
        from.setValue(period.from());
        to.setValue(period.to());
        quiet = false;
        showRange(CUSTOM.equals(initialPreset));

        preset.addValueChangeListener(e -> {
            if (quiet || e.getValue() == null) {
                return;
            }
            if (CUSTOM.equals(e.getValue())) {
                showRange(true);
                return;
            }
            showRange(false);
            Period p = Period.preset(e.getValue(), today);
            quiet = true;
            from.setValue(p.from());
            to.setValue(p.to());
            quiet = false;
            choose(p);
        });
        from.addValueChangeListener(e -> rangeChanged());
        to.addValueChangeListener(e -> rangeChanged());
        compare.addValueChangeListener(e -> {
            if (!quiet && e.getValue() != null) {
                if (e.getValue() != Comparison.CUSTOM && comparePeriod != null) {
                    comparePeriod = null; // chose another comparison: the custom one is gone from the list
                    compareItems(e.getValue());
                }
                fire();
            }
        });
        add(preset, from, to, compare);
    }

    // "last_7_days" reads "Last 7 days"
    private static Map<String, String> presets() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String name : Period.PRESETS) {
            String words = name.replace('_', ' ');
            p.put(name, Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        return java.util.Collections.unmodifiableMap(p);
    }

    /** How a comparison reads in the picker. */
    public static String label(Comparison c) {
        return switch (c) {
            case NONE -> "No comparison";
            case PREVIOUS_PERIOD -> "Previous period";
            case PREVIOUS_YEAR -> "Previous year";
            case CUSTOM -> "Custom period";
        };
    }

    private void showRange(boolean visible) {
        from.setVisible(visible);
        to.setVisible(visible);
    }

    private void rangeChanged() {
        if (quiet) {
            return;
        }
        LocalDate a = from.getValue();
        LocalDate b = to.getValue();
        if (a == null || b == null) {
            return;
        }
        try {
            Period p = new Period(a, b);
            from.setInvalid(false);
            to.setInvalid(false);
            quiet = true;
            preset.setValue(CUSTOM);
            quiet = false;
            showRange(true);
            choose(p);
        } catch (MetricsException e) {
            to.setErrorMessage(e.getMessage());
            to.setInvalid(true);
        }
    }

    private void choose(Period p) {
        period = p;
        fire();
    }

    private void fire() {
        for (ChangeListener l : List.copyOf(listeners)) {
            l.changed(period, getComparison());
        }
    }

    public Registration addChangeListener(ChangeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public Period getPeriod() {
        return period;
    }

    public Comparison getComparison() {
        Comparison c = compare.getValue();
        return c == null ? Comparison.NONE : c;
    }

    /** The chosen preset, or {@link #CUSTOM}. */
    public String getPreset() {
        return preset.getValue();
    }

    public LocalDate getToday() {
        return today;
    }

    /** Chooses a preset, as the user would (listeners hear it). */
    public void setPreset(String name) {
        if (!CUSTOM.equals(name) && !PRESETS.containsKey(name)) {
            throw new IllegalArgumentException("unknown preset " + name + "; known: " + PRESETS.keySet());
        }
        preset.setValue(name);
    }

    /** Chooses a custom range, as the user would (listeners hear it once). */
    public void setRange(LocalDate start, LocalDate end) {
        quiet = true;
        preset.setValue(CUSTOM);
        from.setValue(start);
        quiet = false;
        to.setValue(end);
        if (end.equals(to.getValue()) && (period == null || !period.equals(new Period(start, end)))) {
            rangeChanged();
        }
    }

    public void setComparison(Comparison c) {
        if (c == Comparison.CUSTOM) {
            throw new IllegalArgumentException("a custom comparison needs its days: setComparePeriod");
        }
        compare.setValue(c);
    }

    /**
     * Compares with fixed days, such as the whole month before a month (listeners hear it). The picker lists the
     * choice as "Custom period" until the user picks another comparison. Since API 0.8.0.
     */
    public void setComparePeriod(Period days) {
        comparePeriod = Objects.requireNonNull(days, "days");
        compareItems(Comparison.CUSTOM);
        fire();
    }

    /** The days compared with when {@link #getComparison()} is {@code CUSTOM}, else null. Since API 0.8.0. */
    public Period getComparePeriod() {
        return getComparison() == Comparison.CUSTOM ? comparePeriod : null;
    }

    private void compareItems(Comparison selected) {
        quiet = true;
        if (comparePeriod != null) {
            compare.setItems(Comparison.NONE, Comparison.PREVIOUS_PERIOD, Comparison.PREVIOUS_YEAR,
                    Comparison.CUSTOM);
        } else {
            compare.setItems(Comparison.NONE, Comparison.PREVIOUS_PERIOD, Comparison.PREVIOUS_YEAR);
        }
        compare.setValue(selected);
        quiet = false;
    }
}
