-- Platform tokens: bearer tokens for platform administration (tenant manifests, the tenants API, the catalyst CLI).
-- They belong to no tenant, so this is a platform table without RLS; the app reaches it only in platform scope, and
-- a token works only while its user still holds the platform permission it names.
create table platform_token (
  id           uuid primary key,
  name         text not null check (length(name) between 1 and 100),
  user_id      uuid not null references app_user (id) on delete cascade,
  permissions  text not null check (permissions ~ '^platform:[a-z0-9:*-]+(,platform:[a-z0-9:*-]+)*$'),
  token_hash   text not null unique,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
create index platform_token_user on platform_token (user_id);
