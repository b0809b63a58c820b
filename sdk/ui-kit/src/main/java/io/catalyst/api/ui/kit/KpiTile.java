package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One key figure: its label, its value (formatted by the metric's format and the answer's currency), the change
 * against the compare period (absolute and relative, green when it is good news, red when bad, by
 * {@link MetricDefinition#higherIsBetter()}, neutral without a comparison), an optional sparkline and an optional
 * goal with a progress bar. Tiles wrap: put them in {@link #row(Component...)}.
 */
public class KpiTile extends Div {

    private static final long serialVersionUID = 1L;

    /** Whether a change is good, bad or neither. */
    public enum Tone { POSITIVE, NEGATIVE, NEUTRAL }

    private final Kit kit;
    private final MetricDefinition metric;
    private final Span label = new Span();
    private final Span value = new Span();
    private final Span delta = new Span();
    private final Div sparkHolder = new Div();
    private final Div goalHolder = new Div();
    private Tone tone = Tone.NEUTRAL;
    private BigDecimal current;
    private String currency;
    private String goalText = "";

    public KpiTile(Kit kit, String metric) {
        this.kit = kit;
        this.metric = kit.definition(metric);
        addClassName("catalyst-kpi");
        getElement().setAttribute("data-metric", metric);
        getStyle().set("flex", "1 1 170px").set("min-width", "160px").set("max-width", "100%")
                .set("box-sizing", "border-box").set("padding", "var(--lumo-space-m, 1rem)")
                .set("border", "1px solid var(--lumo-contrast-10pct, #e6e8eb)")
                .set("border-radius", "var(--lumo-border-radius-l, 12px)")
                .set("background", "var(--lumo-base-color, #fff)")
                .set("display", "flex").set("flex-direction", "column").set("gap", "2px");
        label.setText(this.metric.label());
        label.addClassName("catalyst-kpi-label");
        label.getStyle().set("font-size", "var(--lumo-font-size-s, .875rem)")
                .set("color", "var(--lumo-secondary-text-color, #6b7785)");
        if (!this.metric.description().isBlank()) {
            label.getElement().setAttribute("title", this.metric.description());
        }
        value.addClassName("catalyst-kpi-value");
        // one line: a wrapped amount ("€164,25 / 7.07") reads as two numbers
        value.getStyle().set("font-size", "clamp(1rem, 5vw, var(--lumo-font-size-xl, 1.375rem))").set("font-weight", "600")
                .set("line-height", "1.2").set("white-space", "nowrap");
        delta.addClassName("catalyst-kpi-delta");
        delta.getStyle().set("font-size", "var(--lumo-font-size-s, .875rem)");
        value.setText(Formats.MISSING);
        add(label, value, delta, sparkHolder, goalHolder);
    }

    /** A tile for the totals of a result (its value and, with a compare period, its change). */
    public static KpiTile of(Kit kit, MetricsResult result, String metric) {
        KpiTile tile = new KpiTile(kit, metric);
        Row total = result.total().orElse(null);
        String currency = total == null ? result.currency() : total.currency();
        tile.show(total == null ? null : total.value(metric),
                result.comparePeriod() == null || total == null ? null : total.compare().get(metric),
                result.comparePeriod() != null, currency);
        return tile;
    }

    /** Tiles in a row that wraps on narrow screens. */
    public static Div row(Component... tiles) {
        Div row = new Div(tiles);
        row.addClassName("catalyst-kpi-row");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m, 1rem)")
                .set("width", "100%");
        return row;
    }

    /**
     * Shows a value and what it is compared with.
     *
     * @param compared whether there is a compare period at all (a missing compare value then shows as "no data")
     */
    public KpiTile show(BigDecimal now, BigDecimal before, boolean compared, String currency) {
        this.current = now;
        this.currency = currency;
        Formats f = kit.formats(currency);
        value.setText(f.format(metric, now));
        if (!compared) {
            tone = Tone.NEUTRAL;
            delta.setText("");
        } else if (now == null || before == null) {
            tone = Tone.NEUTRAL;
            delta.setText("No comparable figure");
        } else {
            BigDecimal diff = now.subtract(before);
            // a change below a tenth of a percent is no news, whichever way it rounds
            boolean flat = before.signum() != 0 && diff.abs().divide(before.abs(), MathContext.DECIMAL64)
                    .compareTo(FLAT) < 0;
            tone = flat ? Tone.NEUTRAL : tone(diff, metric.higherIsBetter());
            String relative = before.signum() == 0 ? "new" : f.signedPercent(diff.divide(before.abs(),
                    MathContext.DECIMAL64));
            delta.setText(f.signed(metric.format(), diff) + " (" + relative + ")");
        }
        delta.getStyle().set("color", colour(tone));
        delta.getElement().setAttribute("data-tone", tone.name().toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    private static final BigDecimal FLAT = new BigDecimal("0.001");

    /** Good news, bad news or neither: a rise is good when higher is better, a fall when lower is. */
    public static Tone tone(BigDecimal delta, boolean higherIsBetter) {
        if (delta == null || delta.signum() == 0) {
            return Tone.NEUTRAL;
        }
        return (delta.signum() > 0) == higherIsBetter ? Tone.POSITIVE : Tone.NEGATIVE;
    }

    /** Adds a sparkline of the metric from a result by date. */
    public KpiTile sparkline(MetricsResult byDate) {
        sparkHolder.removeAll();
        sparkHolder.add(Chart.sparkline(new ChartOptions(kit).sparkline(byDate, metric.name())));
        return this;
    }

    /**
     * Shows progress towards a goal: a bar and "62% of goal €5,000". For metrics where lower is better (CPA) the
     * bar is full when the value is at or under the goal.
     */
    public KpiTile goal(BigDecimal goal) {
        goalHolder.removeAll();
        if (goal == null || goal.signum() <= 0) {
            goalText = "";
            return this;
        }
        Formats f = kit.formats(currency);
        BigDecimal share = current == null ? BigDecimal.ZERO : current.divide(goal, MathContext.DECIMAL64);
        double progress = metric.higherIsBetter() ? share.doubleValue()
                : current == null || current.signum() == 0 ? 0 : goal.divide(current, MathContext.DECIMAL64)
                .doubleValue();
        ProgressBar bar = new ProgressBar(0, 1, Math.max(0, Math.min(1, progress)));
        bar.addClassName("catalyst-kpi-goal-bar");
        goalText = f.percent(share).replace(".0%", "%") + " of goal " + f.format(metric, goal);
        Span text = new Span(goalText);
        text.addClassName("catalyst-kpi-goal");
        text.getStyle().set("font-size", "var(--lumo-font-size-xs, .75rem)")
                .set("color", "var(--lumo-secondary-text-color, #6b7785)");
        goalHolder.add(bar, text);
        return this;
    }

    private String colour(Tone t) {
        return switch (t) {
            case POSITIVE -> kit.theme().positive();
            case NEGATIVE -> kit.theme().negative();
            case NEUTRAL -> kit.theme().neutral();
        };
    }

    public String getMetric() {
        return metric.name();
    }

    public String getLabelText() {
        return label.getText();
    }

    public String getValueText() {
        return value.getText();
    }

    public String getDeltaText() {
        return delta.getText();
    }

    public Tone getTone() {
        return tone;
    }

    public String getGoalText() {
        return goalText;
    }

    /** The colour the delta is drawn in. */
    public String getDeltaColour() {
        return delta.getStyle().get("color");
    }
}
