-- What was last sent to the CRM a lead came from (its score, band and top reason), so only changes are sent again;
-- a refused write keeps the provider's reason and is tried again up to 5 times, or when the score changes.
create table scoring_crm_sync (
  tenant_id  uuid not null default public.current_tenant(),
  lead_id    uuid not null,
  points     integer not null,
  band       text not null check (length(band) <= 20),
  reason     text not null check (length(reason) <= 300),
  written_at timestamptz,
  error      text check (length(error) <= 1000),
  attempts   integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, lead_id),
  foreign key (tenant_id, lead_id) references scoring_lead (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('scoring_crm_sync');
