-- Read-only links to a dashboard for people without an account (a client's board, an agency's report). Only the
-- token's SHA-256 is stored; a link ends at its expiry or when revoked, and every opening is counted and audited.
create table dashboard_share (
  tenant_id      uuid not null references tenant (id) on delete cascade,
  id             uuid not null,
  token_hash     text not null,
  plugin_id      text not null,
  route          text not null,
  title          text not null,
  created_by     uuid,
  created_at     timestamptz not null default now(),
  expires_at     timestamptz not null,
  revoked_at     timestamptz,
  opens          integer not null default 0,
  last_opened_at timestamptz,
  primary key (tenant_id, id)
);
select enable_tenant_rls('dashboard_share');
-- a link arrives without a tenant: the platform looks its hash up
create index dashboard_share_token on dashboard_share (token_hash);
