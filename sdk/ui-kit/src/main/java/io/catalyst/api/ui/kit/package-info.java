/**
 * The Catalyst UI kit: Vaadin components for dashboards built on the metrics layer ({@link io.catalyst.api.metrics}).
 * {@link io.catalyst.api.ui.kit.Kit} carries what every component needs (the metric catalogue, the answer's currency,
 * the locale and the {@link io.catalyst.api.ui.kit.KitTheme}); {@link io.catalyst.api.ui.kit.ChartOptions} turns a
 * {@link io.catalyst.api.metrics.MetricsResult} into ECharts options for {@link io.catalyst.api.ui.kit.Chart};
 * {@link io.catalyst.api.ui.kit.KpiTile}, {@link io.catalyst.api.ui.kit.PeriodPicker},
 * {@link io.catalyst.api.ui.kit.MetricsGrid} (CSV and XLSX export), {@link io.catalyst.api.ui.kit.FilterBar},
 * {@link io.catalyst.api.ui.kit.EmptyState} and {@link io.catalyst.api.ui.kit.LoadingPlaceholder} make up screens.
 * Every component wraps at 390 px.
 *
 * <p>The package lies under {@code io.catalyst.api.}, so plugins load it from the host (which bundles this jar and its
 * CSV and XLSX libraries); a plugin declares {@code io.catalyst:ui-kit} as {@code provided}.
 */
package io.catalyst.api.ui.kit;
