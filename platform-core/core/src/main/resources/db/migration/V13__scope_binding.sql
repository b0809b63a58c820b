-- An unforgeable tenant binding, and row-level security that checks it once per query.
--
-- Until now a transaction's scope was whatever app.tenant_id / app.platform said, and any SQL could set them with
-- set_config(). Plugins' SQL runs on connections of their own roles (PluginDatabases), so the binding must be something
-- such SQL cannot make: each binding now carries app.scope_sig, an HMAC-SHA-256 under a key only the owner can read,
-- over the tenant, the platform flag, the user, the backend's pid and the transaction's start time. current_tenant()
-- and platform_scope() verify it (SECURITY DEFINER, so they can read the key) and fail on a binding that does not
-- verify. The signature is bound to the transaction: one seen earlier is worthless later. The core binds through
-- bind_scope(), which only the owner and the app role may execute; the host signs a plugin connection's binding
-- itself (it reads the key through the owner's connection), because plugin roles may execute nothing that signs.

create table scope_key (
  id   boolean primary key default true check (id),
  k    bytea not null check (length(k) = 64),
  ipad bytea not null, -- k xor 0x36: HMAC's inner key block, kept so the SQL side needs no loop per call
  opad bytea not null  -- k xor 0x5c: the outer one
);
revoke all on scope_key from public, ${app_role};

do $$
declare
  -- 4 x 122 random bits from the server's strong random source (gen_random_uuid is built in since PostgreSQL 13)
  key bytea := decode(replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text
                              || gen_random_uuid()::text, '-', ''), 'hex');
  inner_key bytea := key;
  outer_key bytea := key;
begin
  for i in 0..63 loop
    inner_key := set_byte(inner_key, i, get_byte(key, i) # 54);
    outer_key := set_byte(outer_key, i, get_byte(key, i) # 92);
  end loop;
  insert into scope_key (k, ipad, opad) values (key, inner_key, outer_key);
end $$;

-- HMAC-SHA-256(key, tenant|platform|user|backend pid|transaction start in microseconds), hex. PL/pgSQL rather
-- than SQL: a SECURITY DEFINER SQL function is never inlined and is planned again on every call (65 us a call here
-- against 15 us), and RLS defaults call current_tenant() once per inserted row.
create function scope_sig(tenant text, platform text, app_user text) returns text language plpgsql stable
  parallel restricted security definer set search_path = public, pg_temp as $$
declare
  key scope_key;
begin
  select * into strict key from scope_key;
  return encode(sha256(key.opad || sha256(key.ipad || convert_to(concat_ws('|', coalesce(tenant, ''),
           coalesce(platform, ''), coalesce(app_user, ''), pg_backend_pid()::text,
           ((extract(epoch from transaction_timestamp()) * 1000000)::bigint)::text), 'UTF8'))), 'hex');
end $$;

-- Whether this transaction's binding was made by bind_scope() (or signed by the host) in this very transaction.
create function scope_valid() returns boolean language plpgsql stable parallel restricted security definer
  set search_path = public, pg_temp as $$
begin
  return coalesce(current_setting('app.scope_sig', true), '')
         = scope_sig(current_setting('app.tenant_id', true), current_setting('app.platform', true),
                     current_setting('app.user_id', true));
end $$;

-- The one way the core binds a transaction (Scopes, OffboardingPurge, the launcher's psql): transaction-local.
create function bind_scope(tenant uuid, platform boolean, app_user uuid) returns void language plpgsql volatile
  security definer set search_path = public, pg_temp as $$
declare
  t text := coalesce(tenant, '00000000-0000-0000-0000-000000000000'::uuid)::text;
  p text := case when platform then 'on' else 'off' end;
  u text := coalesce(app_user::text, '');
begin
  perform set_config('app.tenant_id', t, true);
  perform set_config('app.platform', p, true);
  perform set_config('app.user_id', u, true);
  perform set_config('app.scope_sig', scope_sig(t, p, u), true);
end $$;

create or replace function current_tenant() returns uuid language plpgsql stable
  parallel restricted security definer set search_path = public, pg_temp as $$
declare
  t text := current_setting('app.tenant_id'); -- never bound in this session: fails, as it always did
begin
  if t = '' then
    raise exception 'no tenant is bound in this transaction' using errcode = '42501';
  end if;
  if not scope_valid() then
    raise exception 'the tenant binding of this transaction was not made by Catalyst: app.tenant_id was set by hand'
      using errcode = '42501', hint = 'bind with bind_scope(tenant, platform, user) in the same transaction';
  end if;
  return t::uuid;
end $$;

create or replace function platform_scope() returns boolean language plpgsql stable
  parallel restricted security definer set search_path = public, pg_temp as $$
begin
  if coalesce(current_setting('app.platform', true), '') <> 'on' then
    return false;
  end if;
  if not scope_valid() then
    raise exception 'the platform scope of this transaction was not bound by Catalyst: app.platform was set by hand'
      using errcode = '42501';
  end if;
  return true;
end $$;

-- Nobody but the owner runs a function in public unless granted: plugin roles get current_tenant() and
-- platform_scope() (every RLS policy calls them), and their schema roles enable_tenant_rls() (PluginDatabases).
-- The app role keeps what V1's default privileges gave it, bind_scope() included; it never signs by itself.
revoke execute on all functions in schema public from public;
alter default privileges revoke execute on functions from public;
grant execute on function current_tenant(), platform_scope() to public;
revoke execute on function scope_sig(text, text, text), scope_valid() from ${app_role};

-- RLS that asks once per query: (select f()) is an InitPlan, evaluated once, instead of a SECURITY DEFINER call
-- (an HMAC) per row. Every tenant policy is recreated, the core's and plugins' alike. The functions are PARALLEL
-- RESTRICTED (they read pg_backend_pid(), which a worker would answer with its own), so the leader evaluates the
-- InitPlans and a parallel scan still gets the values ("Params Evaluated" at the Gather).
-- EXPLAIN ANALYZE of count + sum over one tenant's 100k rows of a 1M-row table (10 tenants, 2 busy cores): V2's
-- policy 535-828 ms; the signed functions called per row 14.5-18.8 s; this policy 273-293 ms.
create or replace function enable_tenant_rls(tbl regclass) returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('alter table %s force row level security', tbl);
  execute format('create policy tenant_isolation on %s'
                 ' using (tenant_id = (select public.current_tenant()) or (select public.platform_scope()))'
                 ' with check (tenant_id = (select public.current_tenant()) or (select public.platform_scope()))',
                 tbl);
end $$;

do $$
declare
  tbl regclass;
begin
  for tbl in select p.polrelid::regclass from pg_policy p where p.polname = 'tenant_isolation' loop
    execute format('drop policy tenant_isolation on %s', tbl);
    execute format('create policy tenant_isolation on %s'
                   ' using (tenant_id = (select public.current_tenant()) or (select public.platform_scope()))'
                   ' with check (tenant_id = (select public.current_tenant()) or (select public.platform_scope()))',
                   tbl);
  end loop;
end $$;

drop policy tenant_own on tenant;
create policy tenant_own on tenant
  using (id = (select current_tenant()) or (select platform_scope()))
  with check (id = (select current_tenant()) or (select platform_scope()));
