-- Offboarding purges a tenant everywhere, its audit chain included, once its grace period is over. Only the owner
-- role may delete audit entries (the app role has no DELETE on the table), and only for the tenant it declares it
-- is purging in that transaction; everything else stays append-only.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('app.purging', true) = old.tenant_id::text then
    return old;
  end if;
  raise exception 'the audit log is append-only';
end $$;
