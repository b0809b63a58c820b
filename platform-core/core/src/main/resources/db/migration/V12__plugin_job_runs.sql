-- The due runs of plugins' scheduled jobs that a node has claimed (PluginJobs). The first node to insert a
-- (tenant, plugin, job, due time) runs it, so a job runs once per due time across a cluster and across a restart.
create table plugin_job_run (
  tenant_id  uuid not null references tenant (id) on delete cascade,
  plugin_id  text not null,
  job        text not null,
  due_at     timestamptz not null,
  claimed_at timestamptz not null default now(),
  primary key (tenant_id, plugin_id, job, due_at)
);
select enable_tenant_rls('plugin_job_run');
