-- Business goals and onboarding progress of a tenant; its admins may now update their own tenant's row (the app
-- decides which columns: profile, locale, goals, progress; never status, plan or quotas).
alter table tenant
  add column target_cpa      numeric(12, 2) check (target_cpa >= 0),
  add column target_roas     numeric(8, 2) check (target_roas >= 0),
  add column monthly_budget  numeric(14, 2) check (monthly_budget >= 0),
  add column onboarding_step integer not null default 0 check (onboarding_step between 0 and 5),
  add column onboarded_at    timestamptz;

drop policy tenant_own on tenant;
create policy tenant_own on tenant using (id = current_tenant() or platform_scope())
  with check (id = current_tenant() or platform_scope());
