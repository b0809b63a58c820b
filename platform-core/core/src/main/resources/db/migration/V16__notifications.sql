-- The in-app inbox, each user's choice of channel per kind, the tenant's webhooks, and a durable outbox for email
-- and webhook deliveries: workers on any node claim due rows with FOR UPDATE SKIP LOCKED under a lease, so a
-- delivery is sent by one node, retried with backoff when it fails, and never sent again once it succeeded.

create table notification (
  tenant_id  uuid not null references tenant (id) on delete cascade,
  id         uuid not null,
  user_id    uuid not null references app_user (id) on delete cascade,
  source     text not null, -- the plugin that sent it, or 'core'
  kind       text not null, -- the sender's kind, e.g. alert.firing
  title      text not null check (length(title) between 1 and 300),
  message    text not null check (length(message) <= 4000),
  link       text check (length(link) <= 1000),
  created_at timestamptz not null default now(),
  read_at    timestamptz,
  primary key (tenant_id, id)
);
select enable_tenant_rls('notification');
create index notification_inbox on notification (tenant_id, user_id, created_at desc);
create index notification_unread on notification (tenant_id, user_id) where read_at is null;

-- no row: in the app, and by email at once
create table notification_preference (
  tenant_id uuid not null references tenant (id) on delete cascade,
  user_id   uuid not null references app_user (id) on delete cascade,
  source    text not null,
  kind      text not null,
  in_app    boolean not null default true,
  email     text not null default 'IMMEDIATE' check (email in ('IMMEDIATE', 'DIGEST', 'OFF')),
  primary key (tenant_id, user_id, source, kind)
);
select enable_tenant_rls('notification_preference');

create table notification_webhook (
  tenant_id  uuid not null references tenant (id) on delete cascade,
  id         uuid not null,
  name       text not null check (length(name) between 1 and 100),
  url        text not null check (length(url) <= 2000),
  secret     text not null, -- sealed by SecretBox; shown once at creation, never logged
  kinds      text[] not null default '{}', -- source/kind patterns; empty: every notification
  enabled    boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
select enable_tenant_rls('notification_webhook');

create table notification_delivery (
  tenant_id       uuid not null references tenant (id) on delete cascade,
  id              uuid not null,
  notification_id uuid not null,
  channel         text not null check (channel in ('EMAIL', 'DIGEST', 'WEBHOOK')),
  target          text not null, -- a user id (email, digest) or a webhook id
  status          text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts        integer not null default 0,
  next_at         timestamptz not null default now(),
  lease_until     timestamptz,
  last_error      text,
  sent_at         timestamptz,
  created_at      timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, notification_id) references notification (tenant_id, id) on delete cascade
);
select enable_tenant_rls('notification_delivery');
create index notification_delivery_due on notification_delivery (next_at) where status = 'PENDING';
