package io.catalyst.core.tenancy;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A tenant's own settings, in the order the onboarding wizard asks for them: profile and branding, locale, business
 * goals, then teammates and sources. Each save is one transaction, audited, and records the step reached, so the
 * wizard resumes where it was left. The UI, REST and tenant manifests all come through here.
 */
@ApplicationScoped
public class Onboarding {

    /** The wizard's steps: profile, locale, goals, teammates, sources. */
    public static final int STEPS = 5;

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    /** How the company appears: name and primary colour (the logo is uploaded apart, {@link Logos}). */
    public record Profile(String name, String primaryColor) {
    }

    /** Where the company works: IANA timezone and ISO 4217 currency. */
    public record Locale(String timezone, String currency) {
    }

    /** What the company aims for; any may be empty. */
    public record Goals(BigDecimal targetCpa, BigDecimal targetRoas, BigDecimal monthlyBudget) {
    }

    public Tenant tenant(UUID tenantId) {
        return scopes.tenant(tenantId, em -> em.find(Tenant.class, tenantId));
    }

    @Transactional
    public Tenant saveProfile(UUID actorId, String actor, UUID tenantId, Profile profile) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (profile == null || profile.name() == null || profile.name().isBlank() || profile.name().length() > 200) {
            errors.add(new Problem.FieldError("name", "1 to 200 characters"));
        } else {
            Texts.check(errors, "name", profile.name(), Texts.NAME);
        }
        if (profile != null) {
            Texts.check(errors, "primaryColor", profile.primaryColor(), 20);
        }
        String color = profile == null ? null : blankToNull(profile.primaryColor());
        if (color != null && !COLOR.matcher(color).matches()) {
            errors.add(new Problem.FieldError("primaryColor", "a colour like #1a73e8"));
        }
        check(errors);
        return save(actorId, actor, tenantId, 1, t -> {
            t.rename(profile.name().trim());
            t.branding(color);
        });
    }

    @Transactional
    public Tenant saveLocale(UUID actorId, String actor, UUID tenantId, Locale locale) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (locale != null) {
            Texts.check(errors, "timezone", locale.timezone(), 100);
            Texts.check(errors, "currency", locale.currency(), 3);
            Texts.require(errors, "The locale");
        }
        try {
            ZoneId.of(locale == null || locale.timezone() == null ? "" : locale.timezone());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("timezone", "an IANA timezone such as Europe/Berlin"));
        }
        try {
            Currency.getInstance(locale == null || locale.currency() == null ? "" : locale.currency());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("currency", "an ISO 4217 code such as EUR"));
        }
        check(errors);
        return save(actorId, actor, tenantId, 2, t -> t.locale(locale.timezone(), locale.currency()));
    }

    @Transactional
    public Tenant saveGoals(UUID actorId, String actor, UUID tenantId, Goals goals) {
        Goals given = goals == null ? new Goals(null, null, null) : goals;
        List<Problem.FieldError> errors = new ArrayList<>();
        nonNegative(errors, "targetCpa", given.targetCpa(), 10);
        nonNegative(errors, "targetRoas", given.targetRoas(), 6);
        nonNegative(errors, "monthlyBudget", given.monthlyBudget(), 12);
        check(errors);
        return save(actorId, actor, tenantId, 3, t -> t.goals(given.targetCpa(), given.targetRoas(),
                given.monthlyBudget()));
    }

    /** Marks a step done that saves nothing itself (teammates are invited one by one; sources connect later). */
    @Transactional
    public Tenant completeStep(UUID actorId, String actor, UUID tenantId, int step) {
        if (step < 1 || step > STEPS) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "There is no such step.",
                    List.of(new Problem.FieldError("step", "1 to " + STEPS)), null);
        }
        return save(actorId, actor, tenantId, step, t -> { });
    }

    private Tenant save(UUID actorId, String actor, UUID tenantId, int step, Consumer<Tenant> change) {
        Map<String, Object> before = new HashMap<>();
        Map<String, Object> after = new HashMap<>();
        boolean[] finished = new boolean[1];
        Tenant tenant = scopes.tenant(tenantId, em -> {
            Tenant found = em.find(Tenant.class, tenantId);
            if (found == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "There is no such tenant.");
            }
            before.putAll(snapshot(found));
            boolean wasOnboarded = found.onboarded();
            change.accept(found);
            found.onboardingStep(step);
            after.putAll(snapshot(found));
            finished[0] = !wasOnboarded && found.onboarded();
            return found;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "tenancy.tenant.updated", "tenant",
                tenantId.toString(), before, after));
        if (finished[0]) {
            audit.record(new AuditEntry(tenantId, actorId, actor, "tenancy.onboarding.completed", "tenant",
                    tenantId.toString(), null, null));
        }
        return tenant;
    }

    private static Map<String, Object> snapshot(Tenant t) {
        Map<String, Object> state = new HashMap<>();
        state.put("name", t.name());
        state.put("primaryColor", t.primaryColor());
        state.put("timezone", t.timezone());
        state.put("currency", t.currency());
        state.put("targetCpa", t.targetCpa());
        state.put("targetRoas", t.targetRoas());
        state.put("monthlyBudget", t.monthlyBudget());
        state.put("onboardingStep", t.onboardingStep());
        return state;
    }

    private static void nonNegative(List<Problem.FieldError> errors, String field, BigDecimal value, int digits) {
        if (value != null && (value.signum() < 0 || value.precision() - value.scale() > digits)) {
            errors.add(new Problem.FieldError(field, "zero or more, at most " + digits + " digits before the point"));
        }
    }

    private static void check(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Some settings are not valid.", errors, null);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
