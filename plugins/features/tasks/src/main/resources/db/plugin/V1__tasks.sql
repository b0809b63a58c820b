-- Runs in the schema plugin_tasks, as the owner role. Every table defaults tenant_id to the transaction's tenant and
-- is under forced row-level security (the core's enable_tenant_rls), so each company sees only its own tasks.
create table task (
  tenant_id         uuid not null default public.current_tenant(),
  id                uuid not null,
  title             text not null check (length(title) between 1 and 200),
  body              text check (length(body) <= 20000),
  status            text not null default 'OPEN'
                    check (status in ('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'CANCELLED')),
  priority          text not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  assignee_id       uuid,
  assignee_role     text check (length(assignee_role) <= 100),
  due               date,
  client_visible    boolean not null default false,
  link              text check (length(link) <= 2000),
  subject_kind      text check (length(subject_kind) <= 100),
  subject_id        text check (length(subject_id) <= 200),
  subject_label     text check (length(subject_label) <= 200),
  subject_snapshot  text,
  source_plugin     text,
  dedupe_key        text check (length(dedupe_key) <= 200),
  created_by        uuid,
  created_by_name   text not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  first_response_at timestamptz,
  closed_at         timestamptz,
  primary key (tenant_id, id)
);
select public.enable_tenant_rls('task');
-- one task per requesting plugin and its key: the task contract's dedupe
create unique index task_request on task (tenant_id, source_plugin, dedupe_key) where source_plugin is not null;
create index task_status on task (tenant_id, status, due);
create index task_assignee on task (tenant_id, assignee_id) where assignee_id is not null;

create table task_label (
  tenant_id uuid not null default public.current_tenant(),
  task_id   uuid not null,
  label     text not null check (length(label) between 1 and 40),
  primary key (tenant_id, task_id, label),
  foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('task_label');
create index task_label_by_label on task_label (tenant_id, label);

create table task_watcher (
  tenant_id uuid not null default public.current_tenant(),
  task_id   uuid not null,
  user_id   uuid not null,
  primary key (tenant_id, task_id, user_id),
  foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('task_watcher');

create table task_check_item (
  tenant_id  uuid not null default public.current_tenant(),
  id         uuid not null,
  task_id    uuid not null,
  position   integer not null,
  text       text not null check (length(text) between 1 and 500),
  done       boolean not null default false,
  primary key (tenant_id, id),
  foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('task_check_item');
create index task_check_item_task on task_check_item (tenant_id, task_id, position);

create table task_comment (
  tenant_id   uuid not null default public.current_tenant(),
  id          uuid not null,
  task_id     uuid not null,
  author_id   uuid,
  author_name text not null,
  body        text not null check (length(body) between 1 and 10000),
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('task_comment');
create index task_comment_task on task_comment (tenant_id, task_id, created_at);

-- every change: who, when, which field, from and to
create table task_activity (
  tenant_id  uuid not null default public.current_tenant(),
  id         uuid not null,
  task_id    uuid not null,
  actor_id   uuid,
  actor_name text not null,
  field      text not null,
  from_value text,
  to_value   text,
  at         timestamptz not null default clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('task_activity');
create index task_activity_task on task_activity (tenant_id, task_id, at);

-- which task's assignee was reminded on which day, so the daily job reminds once per task and day
create table task_due_notice (
  tenant_id uuid not null default public.current_tenant(),
  task_id   uuid not null,
  day       date not null,
  primary key (tenant_id, task_id, day),
  foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
select public.enable_tenant_rls('task_due_notice');
