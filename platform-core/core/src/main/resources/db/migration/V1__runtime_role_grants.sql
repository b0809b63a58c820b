-- Catalyst's schema is owned by the owner role that runs these migrations. The app role (${app_role}) gets data
-- access only: it owns nothing, so it can neither alter tables nor switch row-level security off.
grant usage on schema public to ${app_role};
grant select on flyway_schema_history to ${app_role};

alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
alter default privileges in schema public grant execute on functions to ${app_role};

-- No role but the owner may create objects here.
revoke create on schema public from public;
