package io.catalyst.core.sync;

import io.catalyst.core.connect.Connections;
import io.catalyst.core.tenancy.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The record of syncs: each job is one run, with its counts, duration and error. */
@ApplicationScoped
public class SyncRuns {

    /** One run as people read it. {@code durationSeconds} is null until it started. */
    public record Run(UUID id, String kind, String trigger, String status, String stream, int records, int pages,
                      int quarantined, int attempts, LocalDate from, LocalDate to, Instant createdAt,
                      Instant startedAt, Instant finishedAt, Long durationSeconds, String error) {
    }

    /** A record that could not be used. */
    public record QuarantinedRecord(UUID id, String stream, String reason, String raw, Instant at) {
    }

    @Inject
    Scopes scopes;

    public List<Run> recent(UUID tenantId, UUID connectionId, int limit) {
        return scopes.tenant(tenantId, em -> {
            List<?> rows = Scopes.sql(em, "select id, kind, trigger, status, stream, records, pages, quarantined,"
                    + " attempts, range_from, range_to, created_at, started_at, finished_at, last_error from sync_job"
                    + " where connection_id = ?1 order by created_at desc limit ?2").setParameter(1, connectionId)
                    .setParameter(2, limit).getResultList();
            return rows.stream().map(o -> {
                Object[] r = (Object[]) o;
                Instant started = Connections.toInstant(r[12]);
                Instant finished = Connections.toInstant(r[13]);
                Long duration = started == null ? null
                        : Duration.between(started, finished == null ? Instant.now() : finished).toSeconds();
                return new Run((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                        ((Number) r[8]).intValue(), date(r[9]), date(r[10]), Connections.toInstant(r[11]), started, finished,
                        duration, (String) r[14]);
            }).toList();
        });
    }

    public List<QuarantinedRecord> quarantined(UUID tenantId, UUID connectionId, int limit) {
        return scopes.tenant(tenantId, em -> {
            List<?> rows = Scopes.sql(em, "select id, stream, reason, raw, created_at from wh_quarantine"
                    + " where connection_id = ?1 order by created_at desc limit ?2").setParameter(1, connectionId)
                    .setParameter(2, limit).getResultList();
            return rows.stream().map(o -> {
                Object[] r = (Object[]) o;
                return new QuarantinedRecord((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        Connections.toInstant(r[4]));
            }).toList();
        });
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
