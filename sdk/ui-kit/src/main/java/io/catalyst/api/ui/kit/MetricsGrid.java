package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricDefinition.Format;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.metrics.Period;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A grid over a {@link MetricsResult}: a column per dimension (its labels) and per metric (formatted), sortable by
 * value with missing values last, the totals in the footer, a change column per metric when the result has a compare
 * period, a column chooser, and CSV and XLSX downloads of the whole answer. Rows can be clickable (drill-down). The
 * grid scrolls sideways on narrow screens.
 *
 * <p>The export builders ({@link #csv}, {@link #xlsx}, {@link #fileName}) are plain static methods.
 */
public class MetricsGrid extends Div {

    private static final long serialVersionUID = 1L;

    /** Answers with more rows than this scroll inside the grid. */
    public static final int SCROLL_AFTER = 40;

    /** Hears a click on a row. */
    @FunctionalInterface
    public interface RowListener extends Serializable {
        void clicked(Row row);
    }

    private final Kit kit;
    private final String exportName;
    private final Grid<Row> grid = new Grid<>();
    private final Button columnsButton = new Button("Columns", VaadinIcon.TABLE.create());
    private final ContextMenu columnMenu = new ContextMenu();
    private final Div exports = new Div();
    private final Map<String, Boolean> hidden = new LinkedHashMap<>();
    private final Map<String, Grid.Column<Row>> columns = new LinkedHashMap<>();
    private final Map<String, String> footer = new LinkedHashMap<>();
    private final List<RowListener> rowListeners = new ArrayList<>();
    private MetricsResult result;
    private Anchor csvLink;
    private Anchor xlsxLink;

    /** @param exportName the start of export file names, e.g. {@code campaigns} */
    public MetricsGrid(Kit kit, String exportName) {
        this.kit = kit;
        this.exportName = exportName;
        addClassName("catalyst-metrics-grid");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s, .5rem)")
                .set("width", "100%").set("min-width", "0");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.setMultiSort(false);
        grid.addItemClickListener(e -> {
            if (e.getItem() != null) {
                select(e.getItem());
            }
        });
        columnsButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        columnMenu.setTarget(columnsButton);
        columnMenu.setOpenOnClick(true);
        exports.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s, .5rem)")
                .set("align-items", "center");
        Div bar = new Div(columnsButton, exports);
        bar.addClassName("catalyst-metrics-grid-bar");
        bar.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s, .5rem)")
                .set("justify-content", "flex-end").set("align-items", "center");
        add(bar, grid);
    }

    /** Shows an answer (replacing the previous one); columns keep their hidden state by key. */
    public void setResult(MetricsResult answer) {
        this.result = answer;
        grid.removeAllColumns();
        grid.removeAllFooterRows();
        columns.clear();
        footer.clear();
        columnMenu.removeAll();
        List<Column> spec = columns(answer, kit);
        for (Column c : spec) {
            Grid.Column<Row> col = grid.addColumn(row -> c.text(row, kit, answer))
                    .setHeader(c.header).setKey(c.key).setResizable(true).setSortable(true);
            if (c.dimensionIndex >= 0) {
                col.setComparator(Comparator.comparing((Row r) -> r.labels().get(c.dimensionIndex),
                        String.CASE_INSENSITIVE_ORDER));
                col.setAutoWidth(true).setFlexGrow(1);
                col.getElement().getStyle().set("min-width", "9rem");
                if (c.dimensionIndex == 0) {
                    col.setFrozen(false);
                }
            } else {
                col.setComparator(nullsLast(c.numeric));
                col.setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
                if (c.change) {
                    col.setPartNameGenerator(row -> {
                        BigDecimal delta = row.delta(c.metric);
                        return switch (KpiTile.tone(delta, kit.definition(c.metric).higherIsBetter())) {
                            case POSITIVE -> "catalyst-positive";
                            case NEGATIVE -> "catalyst-negative";
                            case NEUTRAL -> null;
                        };
                    });
                }
            }
            col.setVisible(!hidden.getOrDefault(c.key, false));
            columns.put(c.key, col);
            MenuItem item = columnMenu.addItem(c.header, e -> { });
            item.setCheckable(true);
            item.setChecked(col.isVisible());
            item.addClickListener(e -> setColumnVisible(c.key, item.isChecked()));
        }
        grid.setItems(answer.rows());
        // short answers grow the page; long ones scroll inside the grid, so the browser holds only visible rows
        boolean small = answer.rows().size() <= SCROLL_AFTER;
        grid.setAllRowsVisible(small);
        grid.setHeight(small ? null : "32rem");
        if (!answer.totals().isEmpty()) {
            for (Row total : answer.totals()) {
                FooterRow f = grid.appendFooterRow();
                for (Column c : spec) {
                    String text = c.dimensionIndex == 0 ? totalLabel(answer, total)
                            : c.dimensionIndex > 0 ? "" : c.text(total, kit, answer);
                    Span cell = new Span(text);
                    cell.getStyle().set("font-weight", "600");
                    f.getCell(columns.get(c.key)).setComponent(cell);
                    if (answer.totals().indexOf(total) == 0) {
                        footer.put(c.key, text);
                    }
                }
            }
        }
        refreshExports();
    }

    private static String totalLabel(MetricsResult answer, Row total) {
        return answer.totals().size() > 1 ? "Total " + total.currency() : "Total";
    }

    private void refreshExports() {
        exports.removeAll();
        if (result == null) {
            return;
        }
        MetricsResult answer = result;
        String csvName = fileName(exportName, answer.period(), "csv");
        String xlsxName = fileName(exportName, answer.period(), "xlsx");
        csvLink = Downloads.link(csvName, "CSV", "text/csv", () -> csv(answer, kit));
        xlsxLink = Downloads.link(xlsxName, "Excel",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", () -> xlsx(answer, kit));
        exports.add(csvLink, xlsxLink);
    }

    public void setColumnVisible(String key, boolean visible) {
        hidden.put(key, !visible);
        Grid.Column<Row> col = columns.get(key);
        if (col != null) {
            col.setVisible(visible);
        }
    }

    /** Makes rows clickable: the listener hears the clicked row (for drill-down). */
    public Registration addRowClickListener(RowListener listener) {
        rowListeners.add(listener);
        grid.getElement().getStyle().set("cursor", "pointer");
        return () -> rowListeners.remove(listener);
    }

    /** Activates a row as a click would. */
    public void select(Row row) {
        List.copyOf(rowListeners).forEach(l -> l.clicked(row));
    }

    public Grid<Row> getGrid() {
        return grid;
    }

    public MetricsResult getResult() {
        return result;
    }

    /** The rows shown, in the grid's order (unsorted: the answer's). */
    public List<Row> getRows() {
        return result == null ? List.of() : result.rows();
    }

    /** The text of the first totals row in a column (a dimension's name or a metric's, see {@link #columnKeys()}). */
    public String getFooterText(String columnKey) {
        return footer.getOrDefault(columnKey, "");
    }

    /** Column keys: dimension ids, metric names, and {@code <metric>_change} for change columns. */
    public List<String> columnKeys() {
        return List.copyOf(columns.keySet());
    }

    public boolean isColumnVisible(String key) {
        Grid.Column<Row> col = columns.get(key);
        return col != null && col.isVisible();
    }

    public ContextMenu getColumnMenu() {
        return columnMenu;
    }

    public Anchor getCsvLink() {
        return csvLink;
    }

    public Anchor getXlsxLink() {
        return xlsxLink;
    }

    // ---- columns, shared by the grid and the exports --------------------------------------------------------------

    /** One column: a dimension (its index), a metric, or a metric's change. */
    private record Column(String key, String header, int dimensionIndex, String metric, boolean change,
                          Function<Row, BigDecimal> numeric, Format format) implements Serializable {

        String text(Row row, Kit kit, MetricsResult answer) {
            if (dimensionIndex >= 0) {
                return row.labels().size() > dimensionIndex ? row.labels().get(dimensionIndex) : "";
            }
            if (change) {
                return kit.formats().signedPercent(row.change(metric));
            }
            return kit.formats(answer.currency() != null ? answer.currency() : row.currency())
                    .format(kit.format(metric), row.value(metric));
        }
    }

    private static List<Column> columns(MetricsResult answer, Kit kit) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < answer.dimensions().size(); i++) {
            Dimension d = answer.dimensions().get(i);
            out.add(new Column(d.id(), dimensionLabel(d), i, null, false, null, null));
        }
        boolean compare = answer.comparePeriod() != null;
        for (String m : answer.metrics()) {
            out.add(new Column(m, kit.label(m), -1, m, false, (Function<Row, BigDecimal> & Serializable)
                    r -> r.value(m), kit.format(m)));
            if (compare) {
                out.add(new Column(m + "_change", kit.label(m) + " Δ%", -1, m, true,
                        (Function<Row, BigDecimal> & Serializable) r -> r.change(m), Format.PERCENT));
            }
        }
        return out;
    }

    /** How a dimension is titled: {@code ad_set} is "Ad set". */
    public static String dimensionLabel(Dimension d) {
        String words = d.id().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Comparator<Row> nullsLast(Function<Row, BigDecimal> value) {
        return Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    // ---- exports --------------------------------------------------------------------------------------------------

    /** {@code campaigns-2026-11-01-to-2026-11-30.csv}. */
    public static String fileName(String base, Period period, String extension) {
        String safe = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (safe.isEmpty() ? "export" : safe) + "-" + period.from() + "-to-" + period.to() + "." + extension;
    }

    /**
     * The answer as CSV (UTF-8, RFC 4180, header row): dimension labels, then per metric its plain value (no
     * currency symbol; the header names the currency of money columns) and, with a compare period, its relative
     * change in percent (one decimal); then the totals rows, labelled "Total".
     */
    public static byte[] csv(MetricsResult answer, Kit kit) {
        List<Column> spec = columns(answer, kit);
        boolean perCurrency = answer.currency() == null;
        List<String> header = new ArrayList<>();
        for (Column c : spec) {
            header.add(exportHeader(c, answer, kit));
        }
        if (perCurrency) {
            header.add("Currency");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                     .get())) {
            for (Row row : answer.rows()) {
                printer.printRecord(csvRecord(spec, row, null, perCurrency));
            }
            for (Row total : answer.totals()) {
                printer.printRecord(csvRecord(spec, total, "Total", perCurrency));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> csvRecord(List<Column> spec, Row row, String totalLabel, boolean perCurrency) {
        List<String> values = new ArrayList<>();
        for (Column c : spec) {
            if (c.dimensionIndex >= 0) {
                values.add(totalLabel != null ? (c.dimensionIndex == 0 ? totalLabel : "")
                        : row.labels().get(c.dimensionIndex));
            } else {
                BigDecimal v = c.numeric.apply(row);
                values.add(v == null ? "" : c.change ? v.movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                        .toPlainString() : c.format == Format.PERCENT ? v.movePointRight(2).stripTrailingZeros()
                        .toPlainString() : v.stripTrailingZeros().toPlainString());
            }
        }
        if (perCurrency) {
            values.add(row.currency());
        }
        return values;
    }

    private static String exportHeader(Column c, MetricsResult answer, Kit kit) {
        if (c.dimensionIndex >= 0) {
            return c.header;
        }
        if (c.change) {
            return kit.label(c.metric) + " change %";
        }
        Format f = kit.format(c.metric);
        return f == Format.MONEY && answer.currency() != null ? c.header + " (" + answer.currency() + ")"
                : f == Format.PERCENT ? c.header + " %" : c.header;
    }

    /**
     * The answer as an Excel workbook: one sheet, a bold header, numeric cells with number formats (money with two
     * decimals, percent as percent, counts with grouping), change columns as percent, and bold totals rows.
     */
    public static byte[] xlsx(MetricsResult answer, Kit kit) {
        List<Column> spec = columns(answer, kit);
        boolean perCurrency = answer.currency() == null;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName("Figures"));
            DataFormat df = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            Map<String, CellStyle> plain = new LinkedHashMap<>();
            Map<String, CellStyle> strong = new LinkedHashMap<>();
            Function<String, CellStyle> style = pattern -> plain.computeIfAbsent(pattern, p -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(df.getFormat(p));
                return s;
            });
            Function<String, CellStyle> boldStyle = pattern -> strong.computeIfAbsent(pattern, p -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(df.getFormat(p));
                s.setFont(bold);
                return s;
            });
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            int col = 0;
            for (Column c : spec) {
                Cell cell = head.createCell(col++);
                cell.setCellValue(exportHeader(c, answer, kit));
                cell.setCellStyle(headerStyle);
            }
            if (perCurrency) {
                Cell cell = head.createCell(col);
                cell.setCellValue("Currency");
                cell.setCellStyle(headerStyle);
            }
            int r = 1;
            for (Row row : answer.rows()) {
                writeRow(sheet.createRow(r++), spec, row, null, perCurrency, answer, style);
            }
            for (Row total : answer.totals()) {
                writeRow(sheet.createRow(r++), spec, total, "Total", perCurrency, answer, boldStyle);
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < spec.size() + (perCurrency ? 1 : 0); i++) {
                sheet.setColumnWidth(i, (i < answer.dimensions().size() ? 28 : 14) * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(org.apache.poi.ss.usermodel.Row target, List<Column> spec, Row row,
                                 String totalLabel, boolean perCurrency, MetricsResult answer,
                                 Function<String, CellStyle> style) {
        int col = 0;
        for (Column c : spec) {
            Cell cell = target.createCell(col++);
            if (c.dimensionIndex >= 0) {
                cell.setCellValue(totalLabel != null ? (c.dimensionIndex == 0 ? totalLabel : "")
                        : row.labels().get(c.dimensionIndex));
                if (totalLabel != null) {
                    cell.setCellStyle(style.apply("General"));
                }
                continue;
            }
            BigDecimal v = c.numeric.apply(row);
            String currency = answer.currency() != null ? answer.currency() : row.currency();
            String pattern = c.change ? "+0.0%;-0.0%;0.0%" : numberFormat(c.format, currency);
            cell.setCellStyle(style.apply(pattern));
            if (v != null) {
                cell.setCellValue(v.doubleValue());
            }
        }
        if (perCurrency) {
            Cell cell = target.createCell(col);
            cell.setCellValue(row.currency());
            if (totalLabel != null) {
                cell.setCellStyle(style.apply("General"));
            }
        }
    }

    /** The Excel number format of a metric's cells. */
    static String numberFormat(Format f, String currency) {
        return switch (f) {
            case MONEY -> currency == null ? "#,##0.00" : "#,##0.00 \"" + currency + "\"";
            case INTEGER -> "#,##0";
            case DECIMAL -> "#,##0.00";
            case PERCENT -> "0.00%";
            case RATIO -> "0.00";
        };
    }

    /** For subclasses and tests: the component holding the download links. */
    protected Component exportsHolder() {
        return exports;
    }
}
