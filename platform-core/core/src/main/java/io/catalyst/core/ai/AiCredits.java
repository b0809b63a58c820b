package io.catalyst.core.ai;

import io.catalyst.api.ai.CreditsExhausted;
import io.catalyst.api.ai.Credits;
import io.catalyst.api.ai.Usage;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Meters model calls per company and month, in the provider's own token counts. A company at its quota
 * ({@code tenant.quota_ai_credits}) is refused before anything is sent; calls already under way finish and are
 * charged, so a month may end a few credits over.
 */
@ApplicationScoped
public class AiCredits {

    @Inject
    Scopes scopes;

    /** One row of the usage ledger. */
    public record Line(YearMonth month, String pluginId, UUID userId, String user, int calls, long inputTokens,
                       long outputTokens, int failures) {
        public long credits() {
            return ceilCredits(inputTokens + outputTokens);
        }
    }

    /** The company's credits this month, in its time zone. */
    public Credits credits(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            Tenant tenant = em.find(Tenant.class, tenantId);
            YearMonth month = YearMonth.now(ZoneId.of(tenant.timezone()));
            Number tokens = (Number) Scopes.sql(em, "select coalesce(sum(input_tokens + output_tokens), 0) from"
                    + " ai_usage where tenant_id = ?1 and month = ?2").setParameter(1, tenantId)
                    .setParameter(2, Date.valueOf(month.atDay(1))).getSingleResult();
            return new Credits(month, ceilCredits(tokens.longValue()), tenant.quotaAiCredits());
        });
    }

    /**
     * Refuses a call when this month's credits are used.
     *
     * @throws CreditsExhausted with a message for the company's people
     */
    public void check(UUID tenantId) {
        Credits credits = credits(tenantId);
        if (credits.exhausted()) {
            String month = credits.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + credits.month().getYear();
            LocalDate renews = credits.month().plusMonths(1).atDay(1);
            throw new CreditsExhausted("Your company has used its " + String.format(Locale.ENGLISH, "%,d",
                    credits.quota()) + " AI credits for " + month + ". They renew on " + renews + "; until then the"
                    + " assistant cannot answer, and recommendations are written from templates. A tenant admin can"
                    + " ask the agency for a larger plan.");
        }
    }

    /** Charges what the provider reported for one call (a failed call counts as a failure, with what it used). */
    public void charge(UUID tenantId, String pluginId, UUID userId, Usage usage, boolean failed) {
        scopes.tenant(tenantId, em -> {
            Tenant tenant = em.find(Tenant.class, tenantId);
            LocalDate month = YearMonth.now(ZoneId.of(tenant.timezone())).atDay(1);
            return Scopes.sql(em, "insert into ai_usage as u (tenant_id, month, plugin_id, user_id, calls, input_tokens,"
                    + " output_tokens, failures) values (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7) on conflict (tenant_id, month,"
                    + " plugin_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000')) do update set calls ="
                    + " u.calls + 1, input_tokens = u.input_tokens + excluded.input_tokens, output_tokens ="
                    + " u.output_tokens + excluded.output_tokens, failures = u.failures + excluded.failures,"
                    + " updated_at = now()")
                    .setParameter(1, tenantId).setParameter(2, Date.valueOf(month)).setParameter(3, pluginId)
                    .setParameter(4, userId).setParameter(5, (long) usage.inputTokens())
                    .setParameter(6, (long) usage.outputTokens()).setParameter(7, failed ? 1 : 0).executeUpdate();
        });
    }

    /** The company's ledger for the last months, newest first, with people's names. */
    public List<Line> ledger(UUID tenantId, int months) {
        return scopes.tenant(tenantId, em -> {
            Tenant tenant = em.find(Tenant.class, tenantId);
            LocalDate since = YearMonth.now(ZoneId.of(tenant.timezone())).minusMonths(months - 1L).atDay(1);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select u.month, u.plugin_id, u.user_id, coalesce(a.name, a.email),"
                    + " u.calls, u.input_tokens, u.output_tokens, u.failures from ai_usage u left join app_user a on"
                    + " a.id = u.user_id where u.tenant_id = ?1 and u.month >= ?2 order by u.month desc,"
                    + " u.input_tokens + u.output_tokens desc").setParameter(1, tenantId)
                    .setParameter(2, Date.valueOf(since)).getResultList();
            return rows.stream().map(r -> new Line(YearMonth.from(((Date) r[0]).toLocalDate()), (String) r[1],
                    (UUID) r[2], (String) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue(), ((Number) r[7]).intValue())).toList();
        });
    }

    /** One company's month, for the platform's view across companies. */
    public record CompanyMonth(UUID tenantId, String slug, String name, int calls, long tokens, int failures,
                               long quota) {
        public long credits() {
            return ceilCredits(tokens);
        }
    }

    /** Every company's use in a calendar month (each company's month, in its own time zone), most used first. */
    public List<CompanyMonth> companies(YearMonth month) {
        return scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select t.id, t.slug, t.name, coalesce(sum(u.calls), 0),"
                    + " coalesce(sum(u.input_tokens + u.output_tokens), 0), coalesce(sum(u.failures), 0),"
                    + " t.quota_ai_credits from tenant t left join ai_usage u on u.tenant_id = t.id and u.month = ?1"
                    + " group by t.id order by 5 desc, t.name")
                    .setParameter(1, Date.valueOf(month.atDay(1))).getResultList();
            return rows.stream().map(r -> new CompanyMonth((UUID) r[0], (String) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), ((Number) r[5]).intValue(),
                    ((Number) r[6]).longValue())).toList();
        });
    }

    static long ceilCredits(long tokens) {
        return (tokens + Credits.TOKENS_PER_CREDIT - 1) / Credits.TOKENS_PER_CREDIT;
    }
}
