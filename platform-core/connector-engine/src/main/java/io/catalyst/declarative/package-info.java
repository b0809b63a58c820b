/**
 * The declarative connector engine: a plugin's {@code connector.yaml} (see {@code docs/connectors.md}) checked by
 * {@link io.catalyst.declarative.ConnectorManifests} and run as a {@link io.catalyst.api.connect.Connector} by
 * {@link io.catalyst.declarative.DeclarativeConnector}.
 *
 * <p>A plain library (the plugin API, Jackson YAML, a JSON Schema validator) with no server classes, so the host and
 * the plugin testkit ({@code ManifestConnector}) load a manifest with the same checks.
 */
package io.catalyst.declarative;
