-- Runs in the schema plugin_alerts as its owner role. Every table holds one company's rows (forced RLS).

-- A rule: what to watch (metric, level, filters), how to judge it (kind + parameters) and whom to tell.
create table alert_rule (
  tenant_id        uuid not null default public.current_tenant(),
  id               uuid not null,
  name             text not null check (length(name) between 1 and 200),
  definition       text not null check (length(definition) <= 20000), -- the rule as JSON (Rules.toJson)
  enabled          boolean not null default true,
  starter          boolean not null default false,
  backtest_firings integer,                                             -- null until the back-test ran
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  primary key (tenant_id, id)
);
select public.enable_tenant_rls('alert_rule');

-- One instance per (rule, entity): its state, deduplicated.
create table alert_instance (
  tenant_id     uuid not null default public.current_tenant(),
  id            uuid not null,
  rule_id       uuid not null,
  entity        text not null,
  entity_label  text not null,
  state         text not null,
  since         timestamptz not null,
  firing_since  timestamptz,
  notified      boolean not null default false,
  escalated     boolean not null default false,
  acked_at      timestamptz,
  acked_by      text,
  snoozed_until timestamptz,
  value         numeric,
  bound         numeric,
  reason        text,
  task_status   text,
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, rule_id, entity),
  foreign key (tenant_id, rule_id) references alert_rule (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('alert_instance');

-- Every evaluation of every instance with its figures; backtest rows come from a rule's back-test.
create table alert_history (
  tenant_id    uuid not null default public.current_tenant(),
  rule_id      uuid not null,
  entity       text not null,
  evaluated_at timestamptz not null,
  as_of        date not null,
  state        text not null,
  value        numeric,
  bound        numeric,
  reason       text,
  backtest     boolean not null default false,
  foreign key (tenant_id, rule_id) references alert_rule (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('alert_history');
create index alert_history_rule on alert_history (tenant_id, rule_id, entity, evaluated_at);
create index alert_history_time on alert_history (tenant_id, evaluated_at);

-- Flags per company, e.g. that the starter rules were made once (deleting them must not bring them back).
create table alert_flag (
  tenant_id uuid not null default public.current_tenant(),
  name      text not null,
  set_at    timestamptz not null default now(),
  primary key (tenant_id, name)
);
select public.enable_tenant_rls('alert_flag');
