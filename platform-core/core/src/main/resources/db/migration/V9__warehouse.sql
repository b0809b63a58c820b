-- The marketing warehouse: one canonical model for every source. Every key starts with tenant_id, every table has
-- forced RLS, and the provider's raw JSON stays beside the typed columns (with the mapping version that made them),
-- so a mapping can be re-run and unknown fields are never lost.

create table wh_ad_account (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  name            text,
  currency        char(3),
  timezone        text,
  raw             jsonb,
  mapping_version integer not null default 1,
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_ad_account');

create table wh_campaign (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  account_id      text not null,
  name            text,
  status          text,
  objective       text,
  raw             jsonb,
  mapping_version integer not null default 1,
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_campaign');

create table wh_ad_set (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  campaign_id     text not null,
  name            text,
  status          text,
  raw             jsonb,
  mapping_version integer not null default 1,
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_ad_set');

create table wh_creative (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  name            text,
  title           text,
  body            text,
  image_url       text,
  raw             jsonb,
  mapping_version integer not null default 1,
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_creative');

create table wh_ad (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  ad_set_id       text not null,
  creative_id     text,
  name            text,
  status          text,
  raw             jsonb,
  mapping_version integer not null default 1,
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_ad');

-- Daily performance per level and source. Partitioned by month; partitions are made on demand by
-- wh_insight_partition(), which runs as the owner so the app role never owns one, and each gets the same RLS.
create table wh_insight_daily (
  tenant_id          uuid not null references tenant (id) on delete cascade,
  source             text not null,
  level              text not null check (level in ('account', 'campaign', 'ad_set', 'ad')),
  entity_id          text not null,
  account_id         text not null,
  day                date not null,
  attribution_window text not null default 'default',
  spend              numeric(18, 4) not null default 0,
  impressions        bigint not null default 0,
  clicks             bigint not null default 0,
  conversions        numeric(18, 4) not null default 0,
  conversion_value   numeric(18, 4) not null default 0,
  leads              bigint not null default 0,
  currency           char(3) not null,
  reported_at        timestamptz not null,
  raw                jsonb,
  mapping_version    integer not null default 1,
  first_loaded_at    timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, source, level, entity_id, day, attribution_window)
) partition by range (day);
select enable_tenant_rls('wh_insight_daily');

create function wh_insight_partition(month date) returns void language plpgsql security definer
  set search_path = public as $$
declare
  first date := date_trunc('month', month)::date;
  name  text := format('wh_insight_daily_%s', to_char(first, 'YYYYMM'));
begin
  perform pg_advisory_xact_lock(hashtext(name)); -- two first loads of a month must not both create it
  if to_regclass(name) is null then
    execute format('create table %I partition of wh_insight_daily for values from (%L) to (%L)',
                   name, first, (first + interval '1 month')::date);
    perform enable_tenant_rls(name::regclass);
  end if;
end $$;
revoke execute on function wh_insight_partition(date) from public;
grant execute on function wh_insight_partition(date) to ${app_role};

-- CRM, commerce and call data
create table wh_contact (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  email           text,
  name            text,
  company         text,
  lifecycle_stage text,
  created_at      timestamptz,
  updated_at      timestamptz,
  raw             jsonb,
  mapping_version integer not null default 1,
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_contact');

create table wh_lead (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  contact_id      text,
  campaign_id     text,
  email           text,
  status          text,
  created_at      timestamptz,
  raw             jsonb,
  mapping_version integer not null default 1,
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_lead');

create table wh_deal (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  contact_id      text,
  name            text,
  stage           text,
  amount          numeric(18, 4),
  currency        char(3),
  close_date      date,
  created_at      timestamptz,
  updated_at      timestamptz,
  raw             jsonb,
  mapping_version integer not null default 1,
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_deal');

create table wh_order (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  contact_id      text,
  total           numeric(18, 4),
  currency        char(3),
  placed_at       timestamptz,
  raw             jsonb,
  mapping_version integer not null default 1,
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_order');

create table wh_call (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  source          text not null,
  external_id     text not null,
  contact_id      text,
  campaign_id     text,
  started_at      timestamptz,
  duration_s      integer,
  caller          text,
  outcome         text,
  recording_url   text,
  raw             jsonb,
  mapping_version integer not null default 1,
  primary key (tenant_id, source, external_id)
);
select enable_tenant_rls('wh_call');

-- Rows a mapping could not read: kept with the reason, so nothing is lost and the sync goes on
create table wh_quarantine (
  tenant_id  uuid not null references tenant (id) on delete cascade,
  id         uuid not null,
  source     text not null,
  stream     text not null,
  reason     text not null,
  raw        text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
select enable_tenant_rls('wh_quarantine');
