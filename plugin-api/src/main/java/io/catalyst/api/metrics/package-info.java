/**
 * The read side of the warehouse for plugins: named metrics over any dimensions, periods with a compare period,
 * currency conversion, and reads of CRM records with "changed since" cursors. Reach it through
 * {@link io.catalyst.api.PluginContext#metrics()}; the REST API ({@code /api/tenant/metrics}) serves the same layer.
 * Since API 0.4.0.
 */
package io.catalyst.api.metrics;
