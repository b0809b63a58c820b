package io.catalyst.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.Comparison;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PickerAndFilterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    record Choice(Period period, Comparison comparison) {
    }

    @Test
    void pickerStartsAtTheLast30DaysAndFiresOnEachChoice() {
        PeriodPicker picker = new PeriodPicker(TODAY);
        List<Choice> heard = new ArrayList<>();
        picker.addChangeListener((p, c) -> heard.add(new Choice(p, c)));

        assertThat(picker.getPeriod()).isEqualTo(Period.preset("last_30_days", TODAY));
        assertThat(picker.getComparison()).isEqualTo(Comparison.PREVIOUS_PERIOD);

        picker.setPreset("last_month");
        picker.setComparison(Comparison.PREVIOUS_YEAR);
        picker.setRange(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 20));

        assertThat(heard).containsExactly(
                new Choice(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
                        Comparison.PREVIOUS_PERIOD),
                new Choice(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
                        Comparison.PREVIOUS_YEAR),
                new Choice(new Period(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 20)),
                        Comparison.PREVIOUS_YEAR));
        assertThat(picker.getPreset()).isEqualTo(PeriodPicker.CUSTOM);
    }

    @Test
    void everyPresetIsOnePeriodKnows() {
        PeriodPicker.PRESETS.keySet().forEach(name -> assertThat(Period.preset(name, TODAY)).isNotNull());
        assertThat(PeriodPicker.PRESETS).containsKeys("last_7_days", "last_30_days", "last_90_days", "this_month",
                "last_month", "this_quarter", "last_quarter", "this_year", "last_12_months");
    }

    @Test
    void filterBarAddsReplacesAndRemovesChips() {
        FilterBar bar = new FilterBar(List.of(Dimension.DATE, Dimension.CHANNEL, Dimension.CAMPAIGN));
        List<List<Filter>> heard = new ArrayList<>();
        bar.addChangeListener(heard::add);

        assertThat(bar.getDimensionField().getListDataView().getItems().toList())
                .containsExactly(Dimension.CHANNEL, Dimension.CAMPAIGN);

        bar.getDimensionField().setValue(Dimension.CHANNEL);
        bar.getOpField().setValue(Filter.Op.IN);
        bar.getValueField().setValue("meta-ads, google-ads");
        bar.applyForm();
        bar.addFilter(new Filter(Dimension.CAMPAIGN, Filter.Op.CONTAINS, List.of("sale")));

        assertThat(bar.getChipTexts()).containsExactly("Channel is any of: meta-ads, google-ads",
                "Campaign contains: sale");
        assertThat(heard).hasSize(2);
        assertThat(heard.get(1)).hasSize(2);

        bar.addFilter(Filter.equalTo(Dimension.CHANNEL, "tiktok-ads"));
        bar.removeFilter(new Filter(Dimension.CAMPAIGN, Filter.Op.CONTAINS, List.of("sale")));

        assertThat(bar.getFilters()).containsExactly(new Filter(Dimension.CHANNEL, Filter.Op.IN,
                List.of("meta-ads", "google-ads")), Filter.equalTo(Dimension.CHANNEL, "tiktok-ads"));
        assertThat(bar.getChipTexts()).contains("Channel: tiktok-ads");
        assertThat(heard).hasSize(4);
    }

    @Test
    void anEmptyValueIsRefused() {
        FilterBar bar = new FilterBar(List.of(Dimension.CHANNEL));
        bar.getValueField().setValue("  ");
        bar.applyForm();
        assertThat(bar.getFilters()).isEmpty();
        assertThat(bar.getValueField().isInvalid()).isTrue();
    }

    @Test
    void emptyStateAndLoadingPlaceholder() {
        EmptyState empty = new EmptyState(com.vaadin.flow.component.icon.VaadinIcon.CHART, "No data",
                "Connect a data source under Integrations.").withAction("Open Integrations", e -> { });
        assertThat(empty.getTitleText()).isEqualTo("No data");
        assertThat(empty.getAction().getText()).isEqualTo("Open Integrations");
        assertThat(new LoadingPlaceholder(3, true).getElement().getChildCount()).isEqualTo(4);
    }
}
