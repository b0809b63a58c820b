package io.catalyst.plugins.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricsResult.Row;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.Chart;
import io.catalyst.api.ui.kit.KpiTile;
import io.catalyst.api.ui.kit.MetricsGrid;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboards in the real plugin runtime, over the testkit's in-memory warehouse ({@link Warehouse}). */
@ExtendWith(PluginTestKitExtension.class)
class DashboardsPluginTest {

    private static Stream<Component> tree(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(DashboardsPluginTest::tree));
    }

    private static <T> List<T> find(Component root, Class<T> type) {
        return tree(root).filter(type::isInstance).map(type::cast).toList();
    }

    /** Builds a screen's view in the test's class loader, with the testkit's context, to reach its state. */
    @SuppressWarnings("unchecked")
    private static <V extends DashboardView> V view(UiScreen screen, FakePluginContext ctx) {
        return (V) screen.create(ctx);
    }

    @Test
    void offersFourScreensBehindDashboardsRead(PluginTestKit kit) {
        assertThat(kit.screens()).extracting(UiScreen::route)
                .containsExactlyInAnyOrder("growth", "overview", "channels", "campaigns");
        assertThat(kit.screens()).allSatisfy(s -> assertThat(s.requiredPermission()).isEqualTo("dashboards:read"));

        kit.context().revoke("dashboards:read");
        assertThatThrownBy(() -> kit.render("overview")).isInstanceOf(SecurityException.class);
    }

    @Test
    void growthShowsPeriodOverPeriodTilesChartsAndADailyGrid(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());

        // through the runtime, as the host renders it: kit classes are shared with the plugin
        Component rendered = kit.render("growth");
        List<KpiTile> tiles = find(rendered, KpiTile.class);
        assertThat(tiles).extracting(KpiTile::getMetric).containsExactly("spend", "revenue", "leads", "roas", "cpa");
        KpiTile spend = tiles.get(0);
        assertThat(spend.getValueText()).isEqualTo("€300.00");
        assertThat(spend.getDeltaText()).isEqualTo("+€100.00 (+50.0%)");
        assertThat(spend.getTone()).isEqualTo(KpiTile.Tone.NEGATIVE);
        assertThat(tiles.get(1).getDeltaText()).isEqualTo("+€600.00 (+150.0%)");
        assertThat(tiles.get(1).getTone()).isEqualTo(KpiTile.Tone.POSITIVE);
        assertThat(tiles.get(3).getValueText()).isEqualTo("3.33×");
        assertThat(tiles.get(4).getValueText()).isEqualTo("€25.00");
        assertThat(tiles.get(4).getDeltaText()).isEqualTo("−€15.00 (−37.5%)");
        assertThat(tiles.get(4).getTone()).isEqualTo(KpiTile.Tone.POSITIVE);

        List<MetricsGrid> grids = find(rendered, MetricsGrid.class);
        assertThat(grids).hasSize(1);
        assertThat(grids.get(0).getRows()).hasSize(30); // every day of the last 30 days
        assertThat(grids.get(0).getFooterText("spend")).isEqualTo("€300.00");
        assertThat(grids.get(0).getFooterText("leads")).isEqualTo("20");
        assertThat(grids.get(0).getCsvLink().getElement().getAttribute("download"))
                .isEqualTo("growth-2026-11-07-to-2026-12-06.csv");
        // tiles' sparklines plus four charts; the area chart has the dashed compare series
        List<Chart> charts = find(rendered, Chart.class);
        assertThat(charts).hasSize(5 + 4);
        assertThat(charts.get(8).getOption().getArray("series").getObject(0).getString("type"))
                .isEqualTo("heatmap");
        assertThat(charts.get(5).getOption().getArray("series").getObject(1).getString("name"))
                .isEqualTo("Spend (previous)");
    }

    @Test
    void aNewPeriodOrFilterAsksAgain(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        GrowthView growth = view(new DashboardScreens.Growth(), kit.context());
        int before = growth.queries();

        growth.picker().setPreset("last_7_days"); // 2026-11-30 .. 2026-12-06: only 1 December

        assertThat(growth.queries()).isEqualTo(before + 1);
        assertThat(growth.tile("spend").getValueText()).isEqualTo("€130.00");
        assertThat(growth.grids().get(0).getRows()).hasSize(7);
        assertThat(growth.charts()).hasSize(4);

        growth.picker().setPreset("last_12_months"); // weeks: no weekday heatmap, weekly rows
        assertThat(growth.charts()).hasSize(3);
        assertThat(growth.grids().get(0).getRows().get(0).keys().get(0)).isEqualTo("2025-12-01");
        assertThat(growth.tile("spend").getValueText()).isEqualTo("€370.00");

        growth.picker().setPreset("last_7_days");
        growth.filterBar().addFilter(Filter.equalTo(Dimension.CHANNEL, "google-ads"));
        assertThat(growth.tile("spend").getValueText()).isEqualTo("€100.00");
        assertThat(growth.tile("revenue").getValueText()).isEqualTo("€260.00");

        growth.filterBar().setFilters(List.of());
        growth.picker().setRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(growth.tile("spend").getValueText()).isEqualTo("€170.00");
    }

    @Test
    void anAddressOpensTheSamePeriodComparisonAndFilters(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        // what the assistant links to: November against the whole of October, Google Ads only
        java.util.Map<String, List<String>> address = java.util.Map.of("from", List.of("2026-11-01"), "to",
                List.of("2026-11-30"), "compare", List.of("custom"), "compare_from", List.of("2026-10-01"),
                "compare_to", List.of("2026-10-31"), "channel", List.of("google-ads"));
        GrowthView growth = (GrowthView) new DashboardScreens.Growth().create(kit.context(), address);

        assertThat(growth.period()).isEqualTo(new io.catalyst.api.metrics.Period(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30)));
        assertThat(growth.comparison()).isEqualTo(io.catalyst.api.metrics.Comparison.CUSTOM);
        assertThat(growth.picker().getComparePeriod().from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(growth.filters()).containsExactly(Filter.equalTo(Dimension.CHANNEL, "google-ads"));
        assertThat(growth.state().toParameters()).isEqualTo(address.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));

        // an unreadable address falls back to the standard view instead of failing
        GrowthView fallback = (GrowthView) new DashboardScreens.Growth().create(kit.context(), java.util.Map.of(
                "period", List.of("next_century"), "compare", List.of("custom"), "channel", List.of("x".repeat(500))));
        assertThat(fallback.picker().getPreset()).isEqualTo("last_30_days");
        assertThat(fallback.comparison()).isEqualTo(io.catalyst.api.metrics.Comparison.PREVIOUS_PERIOD);
        assertThat(fallback.filters()).isEmpty();
    }

    @Test
    void overviewShowsSixTilesAChannelDonutAndTopCampaigns(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        OverviewView overview = view(new DashboardScreens.Overview(), kit.context());

        assertThat(overview.tiles()).extracting(KpiTile::getLabelText)
                .containsExactly("Spend", "Revenue", "ROAS", "Leads", "CPL", "Conversions");
        assertThat(overview.tile("cpl").getValueText()).isEqualTo("€15.00");
        assertThat(overview.tile("cpl").getDeltaText()).isEqualTo("−€5.00 (−25.0%)");
        assertThat(overview.tile("conversions").getValueText()).isEqualTo("12");
        MetricsGrid top = overview.grids().get(0);
        assertThat(top.getRows()).extracting(r -> r.labels().get(0))
                .containsExactly("Summer Sale", "Search Brand", "Brand Awareness");
        assertThat(top.getFooterText("revenue")).isEqualTo("€1,000.00");
        Chart donut = overview.charts().get(0);
        assertThat(donut.getOption().getArray("series").getObject(0).getString("type")).isEqualTo("pie");
        assertThat(donut.getOption().getArray("series").getObject(0).getArray("data").length()).isEqualTo(2);
        assertThat(PluginTestKit.textOf(overview)).contains("Top campaigns by revenue", "Spend by channel");
    }

    @Test
    void thePdfHoldsWhatTheScreenShows(PluginTestKit kit) throws Exception {
        Warehouse.fill(kit.context().metrics());
        OverviewView overview = view(new DashboardScreens.Overview(), kit.context());

        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(
                overview.pdf())).getTextFromPage(1);
        assertThat(text).contains("Overview").contains("Acme Corp").contains("€15.00").contains("Summer Sale")
                .contains("€1,000.00");
    }

    @Test
    void channelsCompareThePlatforms(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        ChannelsView channels = view(new DashboardScreens.Channels(), kit.context());

        MetricsGrid grid = channels.grids().get(0);
        assertThat(grid.getRows()).extracting(r -> r.keys().get(0)).containsExactly("meta-ads", "google-ads");
        assertThat(grid.columnKeys()).contains("channel", "ctr", "cpc", "cpa", "roas", "roas_change");
        Row meta = grid.getRows().get(0);
        assertThat(meta.value("spend")).isEqualByComparingTo("200");
        assertThat(grid.getFooterText("cpc")).isEqualTo("€0.60");
        assertThat(grid.getFooterText("ctr")).isEqualTo("2.3%");
        assertThat(channels.tile("ctr").getValueText()).isEqualTo("2.3%");
        assertThat(channels.charts()).extracting(c -> c.getOption().getArray("series").getObject(0).getString("type"))
                .containsExactly("bar", "bar", "bar", "funnel");
        // the stacked chart stacks spend by channel
        assertThat(channels.charts().get(2).getOption().getArray("series").getObject(0).getString("stack"))
                .isEqualTo("spend");
    }

    @Test
    void campaignsDrillDownToAdSetsAndAdsAndBack(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        CampaignsView campaigns = view(new DashboardScreens.Campaigns(), kit.context());

        assertThat(campaigns.level()).isEqualTo(Dimension.CAMPAIGN);
        MetricsGrid grid = campaigns.grids().get(0);
        assertThat(grid.columnKeys()).startsWith("campaign", "status");
        assertThat(grid.getRows()).extracting(r -> r.labels().get(0) + " " + r.labels().get(1))
                .containsExactly("Summer Sale ACTIVE", "Search Brand ACTIVE", "Brand Awareness PAUSED");

        grid.select(grid.getRows().get(0)); // a click on Summer Sale

        assertThat(campaigns.level()).isEqualTo(Dimension.AD_SET);
        assertThat(campaigns.breadcrumbTexts()).containsExactly("All campaigns", "Summer Sale");
        MetricsGrid adSets = campaigns.grids().get(0);
        assertThat(adSets.getRows()).extracting(r -> r.labels().get(0)).containsExactly("Lookalike", "Retargeting");
        assertThat(adSets.getFooterText("spend")).isEqualTo("€180.00");
        assertThat(campaigns.tile("spend").getValueText()).isEqualTo("€180.00");
        assertThat(adSets.getCsvLink().getElement().getAttribute("download"))
                .isEqualTo("ad-sets-summer-sale-2026-11-07-to-2026-12-06.csv");

        adSets.select(adSets.getRows().get(0)); // Lookalike

        assertThat(campaigns.level()).isEqualTo(Dimension.AD);
        assertThat(campaigns.breadcrumbTexts()).containsExactly("All campaigns", "Summer Sale", "Lookalike");
        MetricsGrid ads = campaigns.grids().get(0);
        assertThat(ads.getRows()).extracting(r -> r.labels().get(0)).containsExactlyInAnyOrder("Video 15s",
                "Carousel");
        assertThat(ads.getFooterText("spend")).isEqualTo("€150.00");
        ads.select(ads.getRows().get(0)); // ads are the deepest level
        assertThat(campaigns.level()).isEqualTo(Dimension.AD);

        campaigns.back(0);

        assertThat(campaigns.level()).isEqualTo(Dimension.CAMPAIGN);
        assertThat(campaigns.breadcrumbTexts()).containsExactly("All campaigns");
        assertThat(campaigns.grids().get(0).getRows()).hasSize(3);
        assertThat(campaigns.grids().get(0).getFooterText("spend")).isEqualTo("€300.00");
    }

    @Test
    void anEmptyPeriodSaysWhatToDo(PluginTestKit kit) {
        kit.context().metrics().today(Warehouse.TODAY); // no figures at all

        for (String route : List.of("growth", "overview", "channels", "campaigns")) {
            String text = PluginTestKit.textOf(kit.render(route));
            assertThat(text).as(route).contains("No data in this period", "connect a data source under Integrations");
            assertThat(find(kit.render(route), KpiTile.class)).as(route).isEmpty();
        }
    }

    @Test
    void aFilterThatMatchesNothingSaysSo(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        ChannelsView channels = view(new DashboardScreens.Channels(), kit.context());

        channels.filterBar().addFilter(Filter.equalTo(Dimension.CHANNEL, "tiktok-ads"));

        assertThat(channels.emptyState()).isNotNull();
        assertThat(channels.emptyState().getText()).contains("Remove a filter");
        assertThat(channels.grids()).isEmpty();
    }

    @Test
    void losingThePermissionShowsAMessageInsteadOfBreaking(PluginTestKit kit) {
        Warehouse.fill(kit.context().metrics());
        GrowthView growth = view(new DashboardScreens.Growth(), kit.context());
        kit.context().revoke("dashboards:read");

        growth.picker().setPreset("last_90_days");

        assertThat(growth.emptyState()).isNotNull();
        assertThat(growth.emptyState().getTitleText()).isEqualTo("The figures could not be loaded");
        assertThat(growth.emptyState().getText()).contains("dashboards:read");
    }
}
