package io.catalyst.core.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A client company. The platform owns this table; a tenant sees only its own row (RLS). */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String timezone = "UTC";
    private String currency = "EUR";
    private String plan = "standard";
    @Column(name = "quota_users")
    private int quotaUsers = 25;
    @Column(name = "quota_connections")
    private int quotaConnections = 20;
    @Column(name = "quota_ai_credits")
    private int quotaAiCredits = 1000;
    // read only: the logo itself is written and read by Logos, never loaded with the tenant
    @Column(name = "logo_sha", insertable = false, updatable = false)
    private String logoSha;
    @Column(name = "primary_color")
    private String primaryColor;
    @Enumerated(EnumType.STRING)
    private TenantStatus status = TenantStatus.ACTIVE;
    @Column(name = "purge_after")
    private OffsetDateTime purgeAfter;
    @Column(name = "target_cpa")
    private BigDecimal targetCpa;
    @Column(name = "target_roas")
    private BigDecimal targetRoas;
    @Column(name = "monthly_budget")
    private BigDecimal monthlyBudget;
    @Column(name = "onboarding_step")
    private int onboardingStep;
    @Column(name = "onboarded_at")
    private OffsetDateTime onboardedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Tenant() {
    }

    public Tenant(UUID id, String slug, String name) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String timezone() {
        return timezone;
    }

    public String currency() {
        return currency;
    }

    public String plan() {
        return plan;
    }

    public int quotaUsers() {
        return quotaUsers;
    }

    public int quotaConnections() {
        return quotaConnections;
    }

    public int quotaAiCredits() {
        return quotaAiCredits;
    }

    /** The stored logo's version (a hash of its PNG), or null without one. */
    public String logoSha() {
        return logoSha;
    }

    public String primaryColor() {
        return primaryColor;
    }

    public TenantStatus status() {
        return status;
    }

    public OffsetDateTime purgeAfter() {
        return purgeAfter;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public BigDecimal targetCpa() {
        return targetCpa;
    }

    public BigDecimal targetRoas() {
        return targetRoas;
    }

    public BigDecimal monthlyBudget() {
        return monthlyBudget;
    }

    /** The onboarding steps done, 0 to {@value Onboarding#STEPS}. */
    public int onboardingStep() {
        return onboardingStep;
    }

    public boolean onboarded() {
        return onboardedAt != null;
    }

    void goals(BigDecimal cpa, BigDecimal roas, BigDecimal budget) {
        this.targetCpa = cpa;
        this.targetRoas = roas;
        this.monthlyBudget = budget;
        touch();
    }

    void onboardingStep(int step) {
        this.onboardingStep = Math.max(onboardingStep, step);
        if (onboardingStep >= Onboarding.STEPS && onboardedAt == null) {
            onboardedAt = OffsetDateTime.now();
        }
        touch();
    }

    void rename(String newName) {
        this.name = newName;
        touch();
    }

    void locale(String newTimezone, String newCurrency) {
        this.timezone = newTimezone;
        this.currency = newCurrency;
        touch();
    }

    void plan(String newPlan, int users, int connections, int aiCredits) {
        this.plan = newPlan;
        this.quotaUsers = users;
        this.quotaConnections = connections;
        this.quotaAiCredits = aiCredits;
        touch();
    }

    void branding(String newPrimaryColor) {
        this.primaryColor = newPrimaryColor;
        touch();
    }

    void status(TenantStatus newStatus, OffsetDateTime newPurgeAfter) {
        this.status = newStatus;
        this.purgeAfter = newPurgeAfter;
        touch();
    }

    private void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
