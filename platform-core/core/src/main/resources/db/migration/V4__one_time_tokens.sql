-- Invitations to a tenant: one-time, expiring, single-use, kept only as a SHA-256 of the token mailed out.
create table invitation (
  tenant_id   uuid not null references tenant (id) on delete cascade,
  id          uuid not null,
  email       text not null,
  roles       text not null check (roles ~ '^[a-z0-9-]+(,[a-z0-9-]+)*$'),
  invited_by  uuid references app_user (id) on delete set null,
  token_hash  text not null,
  expires_at  timestamptz not null,
  accepted_at timestamptz,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, token_hash)
);
select enable_tenant_rls('invitation');

-- Password resets belong to an account, not a tenant.
create table password_reset (
  id         uuid primary key,
  user_id    uuid not null references app_user (id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at    timestamptz,
  created_at timestamptz not null default now()
);
