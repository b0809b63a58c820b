package io.catalyst.ui.shell;

import io.catalyst.core.tenancy.Onboarding;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Times as a company's people read them: in its time zone, to the minute. */
public final class CompanyTime {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CompanyTime() {
    }

    /** The company's time zone, as set in its settings; UTC if it names none that Java knows (or outside CDI). */
    public static ZoneId zone(UUID tenantId) {
        try {
            return ZoneId.of(Services.get(Onboarding.class).tenant(tenantId).timezone());
        } catch (RuntimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** An instant as {@code 2026-12-07 07:15} in the zone; empty for none. */
    public static String minute(Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }
}
