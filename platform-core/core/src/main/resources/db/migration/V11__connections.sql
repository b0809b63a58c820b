-- What the sync engine needs beyond V10: a connection's picked accounts, its provider stand-in, and its last run;
-- each job is the record of one run (progress cursors, counts, duration, errors); OAuth flows in flight.

alter table connection
  add column accounts      jsonb not null default '[]',
  -- scheme://host:port replacing the provider's origin (a local fake); only hosts the platform allows
  add column base_url      text,
  add column created_by    uuid,
  add column last_sync_at  timestamptz,
  add column last_status   text,
  add column last_error    text;

-- PENDING: created, waiting for its first authorisation
alter table connection drop constraint connection_status_check,
  add constraint connection_status_check check (status in ('PENDING', 'ACTIVE', 'NEEDS_REAUTH', 'PAUSED'));

alter table sync_job
  -- per stream, the cursor of the last checkpoint: committed with the rows before it, so a resumed run starts there
  add column cursors       jsonb not null default '{}',
  add column stream        text,
  add column records       integer not null default 0,
  add column pages         integer not null default 0,
  add column quarantined   integer not null default 0,
  add column started_at    timestamptz,
  add column trigger       text not null default 'SCHEDULE' check (trigger in ('SCHEDULE', 'MANUAL', 'BACKFILL'));
create index sync_job_recent on sync_job (tenant_id, connection_id, created_at desc);

alter table wh_quarantine add column connection_id uuid, add column job_id uuid;

-- An OAuth authorisation in flight. The state names the tenant and the user (or share link) that started it, and
-- carries the PKCE verifier sealed; it is good once, for a short while.
create table oauth_flow (
  tenant_id     uuid not null references tenant (id) on delete cascade,
  state_hash    text not null,
  connector     text not null,
  connection_id uuid not null,
  user_id       uuid,
  link_id       uuid,
  verifier      text not null, -- sealed by SecretBox
  return_to     text,
  expires_at    timestamptz not null,
  primary key (tenant_id, state_hash)
);
select enable_tenant_rls('oauth_flow');
-- the callback finds a flow by its state alone (a 256-bit random value, so no two hashes collide)
create index oauth_flow_state on oauth_flow (state_hash);

-- A link a tenant admin shares with the client's own staff, who authorise a connection without a Catalyst account
create table connect_link (
  tenant_id     uuid not null references tenant (id) on delete cascade,
  id            uuid not null,
  token_hash    text not null,
  connection_id uuid not null,
  created_by    uuid not null,
  expires_at    timestamptz not null,
  used_at       timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, connection_id) references connection (tenant_id, id) on delete cascade
);
select enable_tenant_rls('connect_link');
create index connect_link_token on connect_link (token_hash);
