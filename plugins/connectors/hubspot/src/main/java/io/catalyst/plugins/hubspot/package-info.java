/**
 * The HubSpot CRM connector: the portal the token reaches, and its contacts and deals read incrementally through the
 * CRM search API by modification time.
 */
package io.catalyst.plugins.hubspot;
