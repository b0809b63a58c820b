-- Versioned sales prompts, call test cases and the runs of the suite (issue 19: prompt engineering and call tests).

-- One version of a prompt of a kind; exactly one version of a kind is live (what calls use)
create table sales_prompt (
  tenant_id   uuid not null default public.current_tenant(),
  id          uuid not null,
  kind        text not null check (kind in ('summary', 'follow-up-email', 'objection-handling')),
  version     integer not null check (version >= 1),
  body        text not null check (length(body) between 1 and 20000),
  note        text check (length(note) <= 500),
  live        boolean not null default false,
  created_by  text,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, kind, version)
);
select public.enable_tenant_rls('sales_prompt');
create unique index sales_prompt_live on sales_prompt (tenant_id, kind) where live;

-- A transcript and what should come of it: trackers heard or not, scorecard answers, words a prompt's output has
create table call_test_case (
  tenant_id     uuid not null default public.current_tenant(),
  id            uuid not null,
  name          text not null check (length(name) between 1 and 200),
  transcript    text not null check (length(transcript) <= 5000000),
  format        text,
  direction     text check (direction in ('inbound', 'outbound')),
  rep_speaker   text check (length(rep_speaker) <= 100),
  expectations  text not null check (length(expectations) <= 100000),  -- JSON array
  created_by    text,
  created_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);
select public.enable_tenant_rls('call_test_case');

-- One run of the suite, with each expectation's outcome; a run names the prompt versions it tried. Runs are queued
-- and run by a job: a suite with prompts waits on the model longer than a request may take.
create table call_test_run (
  tenant_id      uuid not null default public.current_tenant(),
  id             uuid not null,
  status         text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  error          text check (length(error) <= 1000),
  label          text not null check (length(label) <= 300),
  prompts        text not null,            -- JSON: kind -> prompt version id to use
  passed         integer not null default 0,
  failed         integer not null default 0,
  skipped        integer not null default 0,
  input_tokens   bigint not null default 0,
  output_tokens  bigint not null default 0,
  results        text not null default '[]',  -- JSON array of outcomes
  run_by         text,
  queued_at      timestamptz not null default now(),
  finished_at    timestamptz,
  primary key (tenant_id, id)
);
select public.enable_tenant_rls('call_test_run');
create index call_test_run_queued on call_test_run (tenant_id, queued_at desc);

-- when a named value last changed: a lock older than its run's time limit was left behind
alter table calls_state add column updated_at timestamptz not null default now();
