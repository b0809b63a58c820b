-- Installed plugins, with the very bytes and signature that were checked, so every node of a cluster loads the same
-- set (each node mirrors this table into its plugins folder and verifies the signatures again).
create table plugin_install (
  plugin_id    text primary key check (plugin_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  version      text not null,
  jar          bytea not null,
  signature    text,
  sha256       text not null,
  installed_by uuid references app_user (id) on delete set null,
  installed_at timestamptz not null default now()
);

-- A plugin per tenant (the Kill Bill model): installed once by the platform, enabled and configured by each tenant.
-- Rows outlive an uninstall on purpose: reinstalling or upgrading keeps every tenant's settings.
create table tenant_plugin (
  tenant_id  uuid not null references tenant (id) on delete cascade,
  plugin_id  text not null,
  enabled    boolean not null default false,
  settings   jsonb not null default '{}',
  secrets    jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, plugin_id)
);
select enable_tenant_rls('tenant_plugin');
