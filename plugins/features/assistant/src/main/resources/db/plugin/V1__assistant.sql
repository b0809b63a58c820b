-- Runs in the schema plugin_assistant as its owner role. Every table holds one company's rows (forced RLS); each
-- person sees only their own conversations (the plugin filters by user), and can delete them.

create table conversation (
  tenant_id  uuid not null default public.current_tenant(),
  id         uuid not null,
  user_id    uuid not null,
  title      text not null check (length(title) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
select public.enable_tenant_rls('conversation');
create index conversation_by_user on conversation (tenant_id, user_id, updated_at desc);

-- one question or answer; an answer keeps the figures it was checked against and the addresses they link to
create table chat_message (
  tenant_id       uuid not null default public.current_tenant(),
  conversation_id uuid not null,
  seq             integer not null,
  role            text not null check (role in ('user', 'assistant', 'error')),
  body            text not null check (length(body) <= 20000),
  figures         text check (length(figures) <= 200000), -- JSON: [{label, value, format, link}]
  unverified      integer not null default 0,
  tools           text check (length(tools) <= 20000),    -- JSON: the tools called, for the record
  created_at      timestamptz not null default now(),
  primary key (tenant_id, conversation_id, seq),
  foreign key (tenant_id, conversation_id) references conversation (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('chat_message');
