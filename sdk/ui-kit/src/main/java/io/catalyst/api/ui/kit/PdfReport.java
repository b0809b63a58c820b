package io.catalyst.api.ui.kit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A dashboard as a PDF, drawn on the server without a browser: a title, the period, KPI figures with their change,
 * charts over time, and tables with totals. Built from the same answers the screen shows, so the PDF and the screen
 * agree to the cent.
 */
public final class PdfReport {

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.GRAY);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final int MAX_ROWS = 40;

    private final Kit kit;
    private final String title;
    private final String subtitle;
    private final List<Section> sections = new ArrayList<>();

    private interface Section {
        void write(Document doc) throws DocumentException, IOException;
    }

    private PdfReport(Kit kit, String title, String subtitle) {
        this.kit = kit;
        this.title = title;
        this.subtitle = subtitle;
    }

    /** A report titled e.g. "Overview", with a line below it such as the company and the period. */
    public static PdfReport of(Kit kit, String title, String subtitle) {
        return new PdfReport(kit, title, subtitle);
    }

    /** The totals of some metrics, each with its change against the compare period when there is one. */
    public PdfReport kpis(MetricsResult totals, List<String> metrics) {
        sections.add(doc -> {
            Row total = totals.total().orElse(null);
            if (total == null) {
                return;
            }
            Formats f = kit.formats(totals.currency() == null ? total.currency() : totals.currency());
            PdfPTable table = new PdfPTable(metrics.size());
            table.setWidthPercentage(100);
            for (String m : metrics) {
                PdfPCell cell = new PdfPCell();
                cell.setPadding(6);
                cell.addElement(new Phrase(kit.label(m), SMALL));
                cell.addElement(new Phrase(f.format(kit.definition(m), total.value(m)), HEADING));
                BigDecimal delta = total.delta(m);
                if (totals.comparePeriod() != null && delta != null) {
                    String change = total.change(m) == null ? "" : " (" + f.signedPercent(total.change(m)) + ")";
                    cell.addElement(new Phrase(f.signed(kit.format(m), delta) + change, TEXT));
                }
                table.addCell(cell);
            }
            doc.add(table);
        });
        return this;
    }

    /** A line chart of metrics over the answer's dates (its first dimension must be {@link Dimension#DATE}). */
    public PdfReport lineChart(String heading, MetricsResult byDate, List<String> metrics) {
        sections.add(doc -> {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (Row row : byDate.rows()) {
                for (String m : metrics) {
                    BigDecimal v = row.value(m);
                    data.addValue(v == null ? 0 : v.doubleValue(), kit.label(m), row.keys().get(0));
                }
            }
            JFreeChart chart = ChartFactory.createLineChart(null, null, null, data, PlotOrientation.VERTICAL, true,
                    false, false);
            style(chart);
            doc.add(new Paragraph(heading, HEADING));
            doc.add(image(chart));
        });
        return this;
    }

    /** A bar chart of one metric by the answer's first dimension (its top rows). */
    public PdfReport barChart(String heading, MetricsResult result, String metric) {
        sections.add(doc -> {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            result.rows().stream().limit(12).forEach(row -> data.addValue(row.value(metric) == null ? 0
                    : row.value(metric).doubleValue(), kit.label(metric), String.join(" · ", row.labels())));
            JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, PlotOrientation.HORIZONTAL,
                    false, false, false);
            style(chart);
            doc.add(new Paragraph(heading, HEADING));
            doc.add(image(chart));
        });
        return this;
    }

    /** A table: a column per dimension and metric, the first rows, and the totals. */
    public PdfReport table(String heading, MetricsResult result) {
        sections.add(doc -> {
            int columns = result.dimensions().size() + result.metrics().size();
            if (columns == 0) {
                return;
            }
            Formats f = kit.formats(result.currency());
            PdfPTable table = new PdfPTable(columns);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (Dimension d : result.dimensions()) {
                table.addCell(cell(MetricsGrid.dimensionLabel(d), BOLD, Element.ALIGN_LEFT));
            }
            for (String m : result.metrics()) {
                table.addCell(cell(kit.label(m), BOLD, Element.ALIGN_RIGHT));
            }
            result.rows().stream().limit(MAX_ROWS).forEach(row -> {
                row.labels().forEach(l -> table.addCell(cell(l, TEXT, Element.ALIGN_LEFT)));
                result.metrics().forEach(m -> table.addCell(cell(f.format(kit.definition(m), row.value(m)), TEXT,
                        Element.ALIGN_RIGHT)));
            });
            for (Row total : result.totals()) {
                for (int i = 0; i < result.dimensions().size(); i++) {
                    table.addCell(cell(i == 0 ? "Total" + (result.currency() == null ? " (" + total.currency() + ")"
                            : "") : "", BOLD, Element.ALIGN_LEFT));
                }
                Formats tf = kit.formats(total.currency());
                result.metrics().forEach(m -> table.addCell(cell(tf.format(kit.definition(m), total.value(m)), BOLD,
                        Element.ALIGN_RIGHT)));
            }
            doc.add(new Paragraph(heading, HEADING));
            doc.add(table);
            if (result.rows().size() > MAX_ROWS) {
                doc.add(new Paragraph("The first " + MAX_ROWS + " of " + result.rowCount()
                        + " rows; the totals cover all of them. The CSV and Excel downloads hold every row.", SMALL));
            }
        });
        return this;
    }

    /** The PDF, A4 landscape. */
    public byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.addCreator("Catalyst");
            doc.open();
            doc.add(new Paragraph(title, TITLE));
            doc.add(new Paragraph(subtitle, SMALL));
            for (Section section : sections) {
                doc.add(new Paragraph(" ", TEXT));
                section.write(doc);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be laid out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        cell.setBorderColor(new Color(0xE6, 0xE8, 0xEB));
        return cell;
    }

    private void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xE6, 0xE8, 0xEB));
        List<String> colours = kit.theme().colours();
        for (int i = 0; i < Math.min(colours.size(), 8); i++) {
            plot.getRenderer().setSeriesPaint(i, Color.decode(colours.get(i)));
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        if (plot.getDomainAxis() != null) {
            plot.getDomainAxis().setTickLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 8));
            plot.getDomainAxis().setCategoryLabelPositions(
                    org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
    }

    private static Image image(JFreeChart chart) throws IOException, DocumentException {
        byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(1400, 420));
        Image image = Image.getInstance(png);
        image.scaleToFit(PageSize.A4.rotate().getWidth() - 72, 230);
        return image;
    }
}
