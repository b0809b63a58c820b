-- Connections to data sources, and the durable sync queue. Workers claim jobs with FOR UPDATE SKIP LOCKED, so any
-- number of nodes share the queue without double work; a job whose node died is taken back after its lease.

create table connection (
  tenant_id        uuid not null references tenant (id) on delete cascade,
  id               uuid not null,
  connector        text not null,
  name             text not null check (length(name) between 1 and 200),
  status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'NEEDS_REAUTH', 'PAUSED')),
  schedule_minutes integer not null default 360 check (schedule_minutes >= 15),
  lookback_days    integer not null default 28 check (lookback_days between 0 and 365),
  config           jsonb not null default '{}',
  credentials      text, -- sealed by SecretBox; never returned, never logged
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  primary key (tenant_id, id)
);
select enable_tenant_rls('connection');

create table sync_job (
  tenant_id     uuid not null,
  id            uuid not null,
  connection_id uuid not null,
  kind          text not null check (kind in ('INCREMENTAL', 'BACKFILL')),
  priority      integer not null,
  status        text not null default 'QUEUED'
                check (status in ('QUEUED', 'RUNNING', 'RETRY', 'SUCCEEDED', 'FAILED')),
  run_after     timestamptz not null default now(),
  attempts      integer not null default 0,
  range_from    date,
  range_to      date,
  locked_by     text,
  lease_until   timestamptz,
  last_error    text,
  created_at    timestamptz not null default now(),
  finished_at   timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, connection_id) references connection (tenant_id, id) on delete cascade
);
select enable_tenant_rls('sync_job');
create index sync_job_due on sync_job (priority, run_after) where status in ('QUEUED', 'RETRY');

-- A stream's cursor, committed in the same transaction as the rows before it: never ahead of durable data
create table sync_checkpoint (
  tenant_id     uuid not null,
  connection_id uuid not null,
  stream        text not null,
  cursor_value  text not null,
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, connection_id, stream),
  foreign key (tenant_id, connection_id) references connection (tenant_id, id) on delete cascade
);
select enable_tenant_rls('sync_checkpoint');
