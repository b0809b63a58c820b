-- Tenancy and identity.
--
-- Row-level security, the second line of tenant isolation (the first is EclipseLink @Multitenant):
--   * every table with a tenant_id column has ENABLE + FORCE ROW LEVEL SECURITY and a policy on
--     current_setting('app.tenant_id') WITHOUT missing_ok, so a transaction that forgot to bind a tenant fails;
--   * the app binds the tenant per transaction with set_config('app.tenant_id', ?, true). Scopes that are not one
--     tenant's (sign-in, platform administration) bind the nil UUID, which matches no tenant, plus their own setting.
--   * TenancyGuardIT fails the build when a table with tenant_id lacks any of this.

-- The platform's own scope: only PlatformScope sets app.platform = 'on', inside one transaction.
create function platform_scope() returns boolean language sql stable
  as $$ select coalesce(current_setting('app.platform', true), '') = 'on' $$;

create function current_tenant() returns uuid language sql stable
  as $$ select current_setting('app.tenant_id')::uuid $$;

-- The one way a tenant-owned table gets its isolation: RLS enabled and forced, and the fail-closed tenant policy.
-- Every migration (the core's and, later, plugins') calls this right after creating such a table.
create function enable_tenant_rls(tbl regclass) returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('alter table %s force row level security', tbl);
  execute format('create policy tenant_isolation on %s using (tenant_id = current_tenant() or platform_scope())'
                 ' with check (tenant_id = current_tenant() or platform_scope())', tbl);
end $$;
revoke execute on function enable_tenant_rls(regclass) from public, ${app_role};

-- A client company. Platform-owned: a tenant sees its own row, the platform sees all.
create table tenant (
  id                uuid primary key,
  slug              text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name              text not null check (length(name) between 1 and 200),
  timezone          text not null default 'UTC',
  currency          char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  plan              text not null default 'standard',
  quota_users       integer not null default 25 check (quota_users >= 0),
  quota_connections integer not null default 20 check (quota_connections >= 0),
  quota_ai_credits  integer not null default 1000 check (quota_ai_credits >= 0),
  logo_url          text,
  primary_color     text check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
  status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'OFFBOARDING')),
  purge_after       timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_own on tenant using (id = current_tenant() or platform_scope())
  with check (platform_scope());

-- A person. Users are platform-wide: agency staff belong to several tenants.
create table app_user (
  id              uuid primary key,
  email           text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  name            text not null check (length(name) between 1 and 200),
  password_hash   text,
  status          text not null default 'ACTIVE' check (status in ('INVITED', 'ACTIVE', 'DISABLED')),
  platform_roles  text not null default '' check (platform_roles ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$'),
  failed_sign_ins integer not null default 0,
  locked_until    timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create unique index app_user_email on app_user (lower(email));

-- A user's roles in one tenant. Readable by the tenant, by the user themself (to list and switch their tenants),
-- and by the platform.
create table membership (
  tenant_id  uuid not null references tenant (id) on delete cascade,
  user_id    uuid not null references app_user (id) on delete cascade,
  roles      text not null default '' check (roles ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$'),
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index membership_user on membership (user_id);
select enable_tenant_rls('membership');
create policy membership_self on membership for select
  using (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- A user sees the tenants they belong to (names for the tenant switcher).
create policy tenant_member on tenant for select
  using (id in (select m.tenant_id from membership m
                 where m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));

-- A tenant's own roles, made from the permission registry.
create table custom_role (
  tenant_id   uuid not null references tenant (id) on delete cascade,
  id          uuid not null,
  name        text not null check (name ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  description text,
  permissions text not null default '' check (permissions ~ '^([a-z0-9:*-]+(,[a-z0-9:*-]+)*)?$'),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);
select enable_tenant_rls('custom_role');

-- The audit log: append-only, hash-chained per tenant. Platform actions chain under the nil UUID.
-- The chain is computed here, in one place, so `./catalyst audit verify` can check it with SQL alone: each entry's
-- hash is sha256 over its previous hash and its content; seq, prev_hash and hash are filled in by the trigger.
create table audit_event (
  tenant_id    uuid not null,
  seq          bigint not null,
  id           uuid not null,
  occurred_at  timestamptz not null,
  actor_id     uuid,
  actor        text not null,
  action       text not null,
  target_type  text,
  target_id    text,
  before_state jsonb,
  after_state  jsonb,
  source_ip    text,
  request_id   text,
  prev_hash    text not null,
  hash         text not null,
  primary key (tenant_id, seq),
  unique (tenant_id, id)
);
create index audit_event_time on audit_event (tenant_id, occurred_at desc);
select enable_tenant_rls('audit_event');

create function audit_hash(e audit_event) returns text language sql immutable
  as $$ select encode(sha256(convert_to(concat_ws('|', e.prev_hash, e.tenant_id, e.seq, e.id,
          to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), e.actor_id, e.actor, e.action,
          e.target_type, e.target_id, e.before_state::text, e.after_state::text, e.source_ip, e.request_id),
          'UTF8')), 'hex') $$;

create function audit_event_chain() returns trigger language plpgsql as $$
declare
  last audit_event;
begin
  -- one writer per tenant chain at a time; released at commit
  perform pg_advisory_xact_lock(hashtextextended('audit:' || new.tenant_id::text, 0));
  select * into last from audit_event where tenant_id = new.tenant_id order by seq desc limit 1;
  new.seq := coalesce(last.seq, 0) + 1;
  new.prev_hash := coalesce(last.hash, repeat('0', 64));
  new.hash := audit_hash(new);
  return new;
end $$;
create trigger audit_event_chain before insert on audit_event
  for each row execute function audit_event_chain();

-- Append-only, for the app and for anyone who is not a superuser.
revoke update, delete, truncate on audit_event from ${app_role};
create function audit_event_append_only() returns trigger language plpgsql
  as $$ begin raise exception 'the audit log is append-only'; end $$;
create trigger audit_event_no_change before update or delete on audit_event
  for each row execute function audit_event_append_only();

-- The first entry of each chain that does not match its content or its predecessor; none when the log is intact.
create function audit_verify() returns table (tenant_id uuid, seq bigint, problem text) language sql stable as $$
  with chained as (
    select a, a.tenant_id, a.seq, a.hash, a.prev_hash,
           lag(a.hash) over w as expected_prev, lag(a.seq) over w as prev_seq
      from audit_event a window w as (partition by a.tenant_id order by a.seq))
  select tenant_id, seq,
         case when hash <> audit_hash(a) then 'content does not match its hash'
              when seq <> coalesce(prev_seq, 0) + 1 then 'entries are missing before it'
              else 'previous hash does not match the entry before' end
    from chained
   where hash <> audit_hash(a) or seq <> coalesce(prev_seq, 0) + 1
      or prev_hash <> coalesce(expected_prev, repeat('0', 64))
   order by tenant_id, seq
$$;
