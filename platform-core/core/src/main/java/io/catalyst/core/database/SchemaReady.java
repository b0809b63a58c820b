package io.catalyst.core.database;

/**
 * Fired once per start, when the schema is migrated and the database can be used. Work that needs tables at startup
 * observes this instead of {@code Startup}, which may come before the database is reachable.
 *
 * @param schemaVersion the schema's version
 */
public record SchemaReady(String schemaVersion) {
}
