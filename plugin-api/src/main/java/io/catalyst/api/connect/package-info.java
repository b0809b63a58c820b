/**
 * The seam for data-source connectors. Deliberately minimal: the integrations work fills in authorization flows and
 * stream reading later, as additions to this package.
 */
package io.catalyst.api.connect;
