package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricsException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The filters in force, as removable chips ("Channel: meta-ads ×"), and a small form to add one (dimension,
 * operator, value; several values separated by commas for "is any of" and "is none of"). Listeners hear the whole
 * list after every change.
 */
public class FilterBar extends Div {

    private static final long serialVersionUID = 1L;

    /** Hears the filters after a change. */
    @FunctionalInterface
    public interface ChangeListener extends Serializable {
        void changed(List<Filter> filters);
    }

    /** Turns a filter value (a key such as {@code meta-ads:123}) into what a chip shows; the key by default. */
    @FunctionalInterface
    public interface ValueLabels extends Serializable {
        String label(Dimension dimension, String key);
    }

    private final List<Filter> filters = new ArrayList<>();
    private final List<ChangeListener> listeners = new ArrayList<>();
    private final Div chips = new Div();
    private final Div form = new Div();
    private final Select<Dimension> dimension = new Select<>();
    private final Select<Filter.Op> op = new Select<>();
    private final TextField value = new TextField();
    private final Button addButton = new Button("Add filter", VaadinIcon.FILTER.create());
    private ValueLabels labels = (d, key) -> key;

    /** @param dimensions what may be filtered by ({@link Dimension#DATE} is left out: the period filters dates) */
    public FilterBar(List<Dimension> dimensions) {
        addClassName("catalyst-filter-bar");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s, .5rem)")
                .set("align-items", "center").set("width", "100%");
        chips.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs, .25rem)");
        List<Dimension> allowed = dimensions.stream().filter(d -> d != Dimension.DATE).toList();
        dimension.setItems(allowed);
        dimension.setItemLabelGenerator(MetricsGrid::dimensionLabel);
        dimension.setPlaceholder("Dimension");
        dimension.setAriaLabel("Filter dimension");
        dimension.setWidth("9rem");
        if (!allowed.isEmpty()) {
            dimension.setValue(allowed.get(0));
        }
        op.setItems(Filter.Op.values());
        op.setItemLabelGenerator(FilterBar::label);
        op.setValue(Filter.Op.EQUALS);
        op.setAriaLabel("Filter operator");
        op.setWidth("9rem");
        value.setPlaceholder("Value");
        value.setAriaLabel("Filter value");
        value.setWidth("12rem");
        value.setClearButtonVisible(true);
        Button apply = new Button("Apply", e -> addFromForm());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button cancel = new Button("Cancel", e -> form.setVisible(false));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        form.add(dimension, op, value, apply, cancel);
        form.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs, .25rem)")
                .set("align-items", "baseline");
        form.setVisible(false);
        addButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addButton.addClickListener(e -> form.setVisible(!form.isVisible()));
        addButton.setEnabled(!allowed.isEmpty());
        add(chips, addButton, form);
    }

    /** How an operator reads. */
    public static String label(Filter.Op o) {
        return switch (o) {
            case EQUALS -> "is";
            case IN -> "is any of";
            case NOT_IN -> "is none of";
            case CONTAINS -> "contains";
        };
    }

    public void setValueLabels(ValueLabels valueLabels) {
        this.labels = Objects.requireNonNull(valueLabels, "valueLabels");
        render();
    }

    private void addFromForm() {
        if (dimension.getValue() == null || op.getValue() == null || value.getValue().isBlank()) {
            value.setInvalid(true);
            value.setErrorMessage("Enter a value");
            return;
        }
        List<String> values = op.getValue() == Filter.Op.IN || op.getValue() == Filter.Op.NOT_IN
                ? Arrays.stream(value.getValue().split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()
                : List.of(value.getValue().strip());
        try {
            addFilter(new Filter(dimension.getValue(), op.getValue(), values));
            value.clear();
            value.setInvalid(false);
            form.setVisible(false);
        } catch (MetricsException e) {
            value.setInvalid(true);
            value.setErrorMessage(e.getMessage());
        }
    }

    /** Adds a filter (replacing one on the same dimension and operator) and tells the listeners. */
    public void addFilter(Filter filter) {
        filters.removeIf(f -> f.dimension() == filter.dimension() && f.op() == filter.op());
        filters.add(filter);
        changed();
    }

    public void removeFilter(Filter filter) {
        if (filters.remove(filter)) {
            changed();
        }
    }

    /** Replaces all filters; listeners hear it. */
    public void setFilters(List<Filter> all) {
        filters.clear();
        filters.addAll(all);
        changed();
    }

    public List<Filter> getFilters() {
        return List.copyOf(filters);
    }

    public Registration addChangeListener(ChangeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        render();
        List<Filter> now = getFilters();
        List.copyOf(listeners).forEach(l -> l.changed(now));
    }

    private void render() {
        chips.removeAll();
        for (Filter f : filters) {
            Span chip = new Span(chipText(f));
            chip.addClassName("catalyst-filter-chip");
            chip.getElement().getThemeList().add("badge pill");
            chip.getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "2px")
                    .set("max-width", "100%").set("overflow-wrap", "anywhere");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> removeFilter(f));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove filter " + chipText(f));
            chip.add(remove);
            chips.add(chip);
        }
    }

    /** "Channel: meta-ads", "Campaign contains: sale", "Status is none of: PAUSED, REMOVED". */
    public String chipText(Filter f) {
        String values = String.join(", ", f.values().stream().map(v -> labels.label(f.dimension(), v)).toList());
        String name = MetricsGrid.dimensionLabel(f.dimension());
        return f.op() == Filter.Op.EQUALS ? name + ": " + values : name + " " + label(f.op()) + ": " + values;
    }

    /** The chips' texts, in order. */
    public List<String> getChipTexts() {
        return filters.stream().map(this::chipText).toList();
    }

    // form access for tests and for screens that pre-fill it
    public Select<Dimension> getDimensionField() {
        return dimension;
    }

    public Select<Filter.Op> getOpField() {
        return op;
    }

    public TextField getValueField() {
        return value;
    }

    /** Adds the filter the form describes, as the Apply button does. */
    public void applyForm() {
        addFromForm();
    }
}
