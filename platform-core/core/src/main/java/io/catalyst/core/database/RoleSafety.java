package io.catalyst.core.database;

import java.util.Optional;

/**
 * Whether the role the app connects as is the one row-level security can hold: not a superuser, no BYPASSRLS, and
 * owning nothing (an owner can switch RLS off). Catalyst refuses to report ready on any other role.
 *
 * @param role          the connected role
 * @param superuser     whether it is a superuser
 * @param bypassRls     whether it has BYPASSRLS
 * @param ownedObjects  how many tables, views, sequences and schemas it owns outside the system catalogs
 */
public record RoleSafety(String role, boolean superuser, boolean bypassRls, long ownedObjects) {

    static final String QUERY = """
            select r.rolname, r.rolsuper, r.rolbypassrls,
                   (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relowner = r.oid
                       and n.nspname not in ('pg_catalog', 'information_schema')
                       and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%')
                 + (select count(*) from pg_namespace n
                     where n.nspowner = r.oid and n.nspname not like 'pg\\_%'
                       and n.nspname <> 'information_schema') as owned
              from pg_roles r where r.rolname = current_user""";

    /** Why this role must not run the app, or empty when it is safe. */
    public Optional<String> problem() {
        if (superuser) {
            return Optional.of("the app role '" + role + "' is a superuser, so row-level security does not apply");
        }
        if (bypassRls) {
            return Optional.of("the app role '" + role + "' has BYPASSRLS, so row-level security does not apply");
        }
        if (ownedObjects > 0) {
            return Optional.of("the app role '" + role + "' owns " + ownedObjects
                    + " database objects; run migrations as a separate owner role (CATALYST_DB_OWNER_USER)");
        }
        return Optional.empty();
    }
}
