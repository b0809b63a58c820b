-- Runs in the schema plugin_scoring as its owner role. Every table holds one company's rows (forced RLS).

-- A lead: from the CRM (source = the connector, e.g. hubspot) or from the intake (source = intake), its facts as
-- the models read them, when it converted (became an opportunity), and its current score with reasons.
create table scoring_lead (
  tenant_id    uuid not null default public.current_tenant(),
  id           uuid not null,
  source       text not null,
  external_id  text not null check (length(external_id) <= 200),
  email        text check (length(email) <= 320),
  name         text check (length(name) <= 300),
  company      text check (length(company) <= 300),
  facts        text not null check (length(facts) <= 20000), -- LeadFacts as JSON (LeadJson)
  created_at   timestamptz not null,
  converted_at timestamptz,
  points       integer check (points between 0 and 100),
  probability  double precision,
  model        text,
  reasons      text,                                         -- the Reasons as JSON
  scored_at    timestamptz,
  updated_at   timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, source, external_id)
);
select public.enable_tenant_rls('scoring_lead');
create index scoring_lead_points on scoring_lead (tenant_id, points desc nulls last, created_at desc);

-- The intake's idempotency keys: a retried form post answers the lead it made the first time.
create table scoring_intake_key (
  tenant_id  uuid not null default public.current_tenant(),
  key        text not null check (length(key) between 1 and 200),
  lead_id    uuid not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);
select public.enable_tenant_rls('scoring_intake_key');

-- Every change of a lead's score: from, to, which model and why.
create table scoring_change (
  tenant_id   uuid not null default public.current_tenant(),
  lead_id     uuid not null,
  at          timestamptz not null default now(),
  from_points integer,
  to_points   integer not null,
  model       text not null,
  reasons     text not null,
  foreign key (tenant_id, lead_id) references scoring_lead (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('scoring_change');
create index scoring_change_lead on scoring_change (tenant_id, lead_id, at desc);

-- The model registry: every trained version with its card (provenance, evaluation, fingerprint) and bytes.
-- status: champion (scores now, one per segment), challenger (trained, not better), retired (a later champion
-- replaced it), rolled-back (taken back by hand: a later rollback does not bring it back).
create table scoring_model (
  tenant_id   uuid not null default public.current_tenant(),
  version     integer not null,
  segment     text not null,
  status      text not null check (status in ('champion', 'challenger', 'retired', 'rolled-back')),
  card        text not null,
  bytes       bytea not null,
  created_at  timestamptz not null default now(),
  promoted_at timestamptz,
  primary key (tenant_id, version)
);
select public.enable_tenant_rls('scoring_model');
create unique index scoring_model_one_champion on scoring_model (tenant_id, segment) where status = 'champion';

-- The company's points model (RulesModel as JSON), versioned so scores name the rules that gave them.
create table scoring_rules (
  tenant_id  uuid not null default public.current_tenant(),
  version    integer not null,
  definition text not null check (length(definition) <= 50000),
  created_at timestamptz not null default now(),
  created_by text,
  primary key (tenant_id, version)
);
select public.enable_tenant_rls('scoring_rules');

-- Where the reads of the warehouse's contacts and deals stand, and the state of training.
create table scoring_state (
  tenant_id uuid not null default public.current_tenant(),
  key       text not null,
  value     text,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, key)
);
select public.enable_tenant_rls('scoring_state');
