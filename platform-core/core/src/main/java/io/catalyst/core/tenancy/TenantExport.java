package io.catalyst.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Everything a tenant owns, as a zip with one CSV per entity (and its logo), for the company to take away when it leaves. Secrets
 * are never exported: token and link hashes stay behind.
 */
@ApplicationScoped
public class TenantExport {

    /** Each file of the export: its name and the query that fills it, run in the tenant's scope. */
    static final List<String[]> FILES = List.of(
            new String[] {"tenant.csv", "select id, slug, name, timezone, currency, plan, quota_users,"
                    + " quota_connections, quota_ai_credits, logo_sha, primary_color, status, target_cpa, target_roas,"
                    + " monthly_budget, created_at from tenant where id = ?1"},
            new String[] {"members.csv", "select u.email, u.name, m.roles, m.created_at from membership m"
                    + " join app_user u on u.id = m.user_id where m.tenant_id = ?1 order by u.email"},
            new String[] {"custom_roles.csv", "select name, description, permissions from custom_role"
                    + " where tenant_id = ?1 order by name"},
            new String[] {"api_tokens.csv", "select id, kind, name, permissions, created_at, expires_at, revoked_at,"
                    + " last_used_at from api_token where tenant_id = ?1 order by created_at"},
            new String[] {"invitations.csv", "select email, roles, created_at, expires_at, accepted_at from invitation"
                    + " where tenant_id = ?1 order by created_at"},
            new String[] {"audit_log.csv", "select seq, occurred_at, actor, action, target_type, target_id,"
                    + " before_state::text, after_state::text, source_ip, request_id, prev_hash, hash from audit_event"
                    + " where tenant_id = ?1 order by seq"});

    @Inject
    Scopes scopes;

    /** Writes the export of one tenant, for the platform. */
    public void write(UUID tenantId, OutputStream out) {
        scopes.platform(em -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (String[] file : FILES) {
                    zip.putNextEntry(new ZipEntry(file[0]));
                    writeCsv(em, tenantId, file[1], zip);
                    zip.closeEntry();
                }
                @SuppressWarnings("unchecked")
                List<byte[]> logo = Scopes.sql(em, "select logo_png from tenant where id = ?1 and logo_png is not null")
                        .setParameter(1, tenantId).getResultList();
                for (byte[] png : logo) {
                    zip.putNextEntry(new ZipEntry("logo.png"));
                    zip.write(png);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static void writeCsv(EntityManager em, UUID tenantId, String query, OutputStream zip) throws IOException {
        // the header comes from the query's own column list
        String columns = query.substring("select ".length(), query.indexOf(" from "));
        String[] header = java.util.Arrays.stream(columns.split(","))
                .map(c -> c.trim().replaceAll(".*\\.", "").replaceAll("::text$", "")).toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object> rows = Scopes.sql(em, query)
                .setParameter(1, tenantId).getResultList();
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
        for (Object row : rows) {
            csv.printRecord(row instanceof Object[] values ? values : new Object[] {row});
        }
        csv.flush(); // not closed: that would close the zip
    }
}
