package io.catalyst.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.MetricsResult.Row;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class MetricsGridTest {

    @Test
    void csvHoldsEveryRowAndTheTotalsExactly() throws IOException {
        byte[] bytes = MetricsGrid.csv(Fixtures.campaigns(true), Fixtures.KIT);

        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new String(bytes, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).containsExactly("Campaign", "Spend (EUR)", "Spend change %",
                "Revenue (EUR)", "Revenue change %", "CTR %", "CTR change %", "ROAS", "ROAS change %");
        assertThat(records.get(1).toList()).containsExactly("Summer, Sale", "100.5", "25.6", "402", "34.0", "1.25",
                "25.0", "4", "6.7");
        assertThat(records.get(2).toList()).containsExactly("Brand \"Search\"", "50", "", "0", "", "", "", "0", "");
        assertThat(records.get(3).toList()).containsExactly("Total", "150.5", "88.1", "402", "34.0", "1.25", "25.0",
                "2.671", "-28.8");
        // quoting survives a comma and quotes in names
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"Summer, Sale\"", "\"Brand \"\"Search\"\"\"");
    }

    @Test
    void xlsxHasNumericCellsWithFormatsAndABoldTotalsRow() throws IOException {
        byte[] bytes = MetricsGrid.xlsx(Fixtures.campaigns(false), Fixtures.KIT);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Campaign", "Spend (EUR)", "Revenue (EUR)", "CTR %", "ROAS");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();

            Cell spend = sheet.getRow(1).getCell(1);
            assertThat(spend.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(spend.getNumericCellValue()).isEqualTo(100.5);
            assertThat(spend.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00 \"EUR\"");
            Cell ctr = sheet.getRow(1).getCell(3);
            assertThat(ctr.getNumericCellValue()).isEqualTo(0.0125);
            assertThat(ctr.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Brand \"Search\"");
            assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.BLANK); // no CTR without clicks

            XSSFCell totalLabel = (XSSFCell) sheet.getRow(3).getCell(0);
            assertThat(totalLabel.getStringCellValue()).isEqualTo("Total");
            Cell totalSpend = sheet.getRow(3).getCell(1);
            assertThat(totalSpend.getNumericCellValue()).isEqualTo(150.5);
            assertThat(wb.getFontAt(totalSpend.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(wb.getFontAt(spend.getCellStyle().getFontIndex()).getBold()).isFalse();
            assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(2.671);
        }
    }

    @Test
    void xlsxChangeColumnsArePercentFractions() throws IOException {
        byte[] bytes = MetricsGrid.xlsx(Fixtures.campaigns(true), Fixtures.KIT);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Cell change = wb.getSheetAt(0).getRow(1).getCell(2);
            assertThat(change.getNumericCellValue()).isCloseTo(0.25625, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(change.getCellStyle().getDataFormatString()).contains("0.0%");
        }
    }

    @Test
    void fileNamesCarryThePeriod() {
        assertThat(MetricsGrid.fileName("Campaigns", Fixtures.NOVEMBER, "csv"))
                .isEqualTo("campaigns-2026-11-01-to-2026-11-30.csv");
        assertThat(MetricsGrid.fileName("ad sets / Meta", Fixtures.NOVEMBER, "xlsx"))
                .isEqualTo("ad-sets-meta-2026-11-01-to-2026-11-30.xlsx");
    }

    @Test
    void gridShowsColumnsTotalsAndDownloads() {
        MetricsGrid grid = new MetricsGrid(Fixtures.KIT, "campaigns");
        grid.setResult(Fixtures.campaigns(true));

        assertThat(grid.columnKeys()).containsExactly("campaign", "spend", "spend_change", "revenue",
                "revenue_change", "ctr", "ctr_change", "roas", "roas_change");
        assertThat(grid.getRows()).hasSize(2);
        assertThat(grid.getFooterText("campaign")).isEqualTo("Total");
        assertThat(grid.getFooterText("spend")).isEqualTo("€150.50");
        assertThat(grid.getFooterText("spend_change")).isEqualTo("+88.1%");
        assertThat(grid.getFooterText("roas")).isEqualTo("2.67×");
        assertThat(grid.getCsvLink().getElement().getAttribute("download"))
                .isEqualTo("campaigns-2026-11-01-to-2026-11-30.csv");
        assertThat(grid.getXlsxLink().getElement().getAttribute("download")).endsWith(".xlsx");
        assertThat(grid.getGrid().getColumns()).allMatch(c -> c.isSortable());
    }

    @Test
    void sortingPutsMissingValuesLast() {
        MetricsGrid grid = new MetricsGrid(Fixtures.KIT, "campaigns");
        grid.setResult(Fixtures.campaigns(false));
        var ctr = grid.getGrid().getColumnByKey("ctr");
        List<Row> rows = new ArrayList<>(grid.getRows());
        rows.sort(ctr.getComparator(com.vaadin.flow.data.provider.SortDirection.ASCENDING));
        assertThat(rows.get(1).labels().get(0)).isEqualTo("Brand \"Search\"");
    }

    @Test
    void columnsCanBeHiddenAndStayHiddenForTheNextAnswer() {
        MetricsGrid grid = new MetricsGrid(Fixtures.KIT, "campaigns");
        grid.setResult(Fixtures.campaigns(false));
        assertThat(grid.getColumnMenu().getItems()).hasSize(5);

        grid.setColumnVisible("ctr", false);
        assertThat(grid.isColumnVisible("ctr")).isFalse();
        grid.setResult(Fixtures.campaigns(false));
        assertThat(grid.isColumnVisible("ctr")).isFalse();
        assertThat(grid.isColumnVisible("spend")).isTrue();
    }

    @Test
    void clickingARowTellsTheListener() {
        MetricsGrid grid = new MetricsGrid(Fixtures.KIT, "campaigns");
        MetricsResult r = Fixtures.campaigns(false);
        grid.setResult(r);
        List<Row> clicked = new ArrayList<>();
        grid.addRowClickListener(clicked::add);

        grid.select(r.rows().get(1));

        assertThat(clicked).extracting(row -> row.keys().get(0)).containsExactly("google-ads:7");
    }
}
