-- Runs in the schema plugin_notes, as the owner role. tenant_id defaults to the transaction's tenant, and forced RLS
-- (the core's enable_tenant_rls) keeps each company's notes to itself, as for every core table.
create table note (
  tenant_id  uuid not null default public.current_tenant(),
  id         uuid not null,
  text       text not null check (length(text) between 1 and 4000),
  author     text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
select public.enable_tenant_rls('note');
