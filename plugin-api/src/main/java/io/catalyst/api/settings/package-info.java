/** Per-tenant plugin settings: the schema the host renders as a form, validates and stores. */
package io.catalyst.api.settings;
