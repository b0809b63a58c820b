/**
 * Data-source connectors. A {@link io.catalyst.api.connect.Connector} declares how to authorise and which streams it
 * offers, and maps provider responses onto canonical records ({@link io.catalyst.api.connect.Insight},
 * {@link io.catalyst.api.connect.Entity}, {@link io.catalyst.api.connect.Contact},
 * {@link io.catalyst.api.connect.Deal}). The host runs the OAuth flow, keeps the credentials sealed, schedules and
 * retries runs, and writes the warehouse.
 */
package io.catalyst.api.connect;
