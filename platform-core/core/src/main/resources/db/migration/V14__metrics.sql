-- The metrics layer: the platform's daily exchange rates, each tenant's custom metrics, and a change stamp on CRM,
-- commerce and call records so consumers can read "changed since" a cursor.

-- Platform data, not a tenant's: loaded from the operator's rate file (FxRates). Units of the currency per euro.
create table fx_rate (
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  day      date not null,
  per_eur  numeric(24, 10) not null check (per_eur > 0),
  primary key (currency, day)
);

create table metric_custom (
  tenant_id        uuid not null references tenant (id) on delete cascade,
  name             text not null check (name ~ '^[a-z][a-z0-9_]{1,39}$'),
  label            text not null check (length(label) between 1 and 80),
  description      text check (length(description) <= 500),
  formula          text not null check (length(formula) <= 500),
  format           text not null check (format in ('MONEY', 'INTEGER', 'DECIMAL', 'PERCENT', 'RATIO')),
  higher_is_better boolean not null default true,
  updated_at       timestamptz not null default now(),
  primary key (tenant_id, name)
);
select enable_tenant_rls('metric_custom');

-- loaded_at moves only when a stored record really changes: a sync that restates the same record leaves it alone,
-- so an incremental consumer does not read it again.
create function wh_stamp_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    new.loaded_at := old.loaded_at;
    if new is not distinct from old then
      return new;
    end if;
  end if;
  new.loaded_at := clock_timestamp();
  return new;
end $$;

do $$
declare
  tbl text;
begin
  foreach tbl in array array['wh_lead', 'wh_contact', 'wh_deal', 'wh_order', 'wh_call'] loop
    execute format('alter table %I add column loaded_at timestamptz not null default clock_timestamp()', tbl);
    execute format('create index %I on %I (tenant_id, loaded_at, source, external_id)', tbl || '_changes', tbl);
    execute format('create trigger stamp_change before insert or update on %I for each row'
                   ' execute function wh_stamp_change()', tbl);
  end loop;
end $$;

-- The platform whose ads an account holds, when the source is not that platform itself (the sandbox, a reseller's
-- feed); null means the source is the channel. The metrics layer's channel dimension reads it.
alter table wh_ad_account add column channel text;

-- the metrics layer reads one level over a range of days for a tenant, across sources
create index wh_insight_daily_level_day on wh_insight_daily (tenant_id, level, day);
