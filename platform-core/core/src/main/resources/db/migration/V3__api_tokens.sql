-- API tokens: personal (acting as their user, never beyond the user's own permissions) and service tokens. Each is
-- a signed MP JWT scoped to one tenant and a subset of permissions; only its SHA-256 is kept, to check revocation.
create table api_token (
  tenant_id    uuid not null references tenant (id) on delete cascade,
  id           uuid not null,
  kind         text not null check (kind in ('PERSONAL', 'SERVICE')),
  name         text not null check (length(name) between 1 and 100),
  user_id      uuid not null references app_user (id) on delete cascade,
  permissions  text not null default '' check (permissions ~ '^([a-z0-9:*-]+(,[a-z0-9:*-]+)*)?$'),
  token_hash   text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  primary key (tenant_id, id)
);
select enable_tenant_rls('api_token');
