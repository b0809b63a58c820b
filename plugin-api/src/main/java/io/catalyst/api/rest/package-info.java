/** The REST extension point: endpoints the host serves under {@code /api/plugins/{pluginId}/}. */
package io.catalyst.api.rest;
