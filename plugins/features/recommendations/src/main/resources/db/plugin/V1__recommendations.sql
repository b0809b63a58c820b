-- Runs in the schema plugin_recommendations as its owner role. Every table holds one company's rows (forced RLS).

-- One recommendation about one entity (kind + entity). While it is OPEN or SNOOZED the daily evaluation updates it
-- in place; once ACCEPTED, DISMISSED or RESOLVED it stays as history and a later finding may raise a new row.
create table recommendation (
  tenant_id        uuid not null default public.current_tenant(),
  id               uuid not null,
  kind             text not null check (length(kind) between 1 and 40),
  channel          text not null check (length(channel) between 1 and 100),
  level            text not null check (length(level) between 1 and 20),
  entity           text not null check (length(entity) between 1 and 300),
  entity_label     text not null check (length(entity_label) <= 500),
  status           text not null check (status in ('OPEN', 'SNOOZED', 'ACCEPTED', 'DISMISSED', 'RESOLVED')),
  title            text not null check (length(title) <= 300),
  body             text not null check (length(body) <= 2000),
  phrased_by       text not null check (phrased_by in ('model', 'template')),
  facts            text not null check (length(facts) <= 20000),    -- the rule's numbers as JSON
  evidence         text not null check (length(evidence) <= 100000), -- the chart's series as JSON
  impact           numeric not null,
  impact_unit      text not null check (impact_unit in ('money', 'conversions')),
  impact_label     text not null check (length(impact_label) <= 200),
  confidence       numeric not null check (confidence between 0 and 1),
  confidence_note  text not null check (length(confidence_note) <= 1000),
  first_seen       timestamptz not null default now(),
  last_seen        timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  acted_at         timestamptz,
  acted_by         text,
  dismiss_reason   text,
  dismiss_note     text check (length(dismiss_note) <= 1000),
  snoozed_until    date,
  task_requested   boolean not null default false,
  outcome_metric   text,
  outcome_before   numeric,
  outcome_after    numeric,
  outcome_due      date,
  outcome_measured_at timestamptz,
  primary key (tenant_id, id)
);
select public.enable_tenant_rls('recommendation');
-- at most one live (open or snoozed) recommendation per kind and entity: the dedupe rule
create unique index recommendation_live on recommendation (tenant_id, kind, entity)
  where status in ('OPEN', 'SNOOZED');
create index recommendation_entity on recommendation (tenant_id, kind, entity, acted_at);
create index recommendation_status on recommendation (tenant_id, status, updated_at);
