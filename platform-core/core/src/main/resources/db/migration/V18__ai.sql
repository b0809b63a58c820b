-- The language model: a company may use its own endpoint, model and key instead of the platform's (set by platform
-- admins: the address is where the server sends the company's data), and every call is metered in tokens per month.

alter table tenant add column ai_base_url text check (length(ai_base_url) <= 500);
alter table tenant add column ai_model text check (length(ai_model) <= 100);
alter table tenant add column ai_api_key text; -- sealed by SecretBox, never logged

-- one row per company, month, plugin and user: what the provider reported, so credits can be shown and explained
create table ai_usage (
  tenant_id     uuid not null references tenant (id) on delete cascade,
  month         date not null check (extract(day from month) = 1),
  plugin_id     text not null,
  user_id       uuid references app_user (id) on delete set null,
  calls         integer not null default 0,
  input_tokens  bigint not null default 0,
  output_tokens bigint not null default 0,
  failures      integer not null default 0,
  updated_at    timestamptz not null default now()
);
-- null users (background work) are one row too
create unique index ai_usage_key on ai_usage (tenant_id, month, plugin_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'));
select enable_tenant_rls('ai_usage');
