-- Runs in the schema plugin_calls as its owner role. Every table holds one company's rows (forced RLS).

-- One sales call: from a call-tracking connector (source = the connector) or imported (source 'import'). Its
-- analysis (metrics, tracker hits, the automatic scorecard) is kept on the row, so a call and its analysis are
-- written in one statement: never half.
create table sales_call (
  tenant_id          uuid not null default public.current_tenant(),
  id                 uuid not null,
  source             text not null check (length(source) between 1 and 100),
  external_id        text not null check (length(external_id) between 1 and 300),
  started_at         timestamptz not null,
  duration_s         integer check (duration_s >= 0),
  direction          text check (direction in ('inbound', 'outbound')),
  answered           boolean,
  rep                text check (length(rep) <= 300),
  customer_name      text check (length(customer_name) <= 300),
  phone              text check (length(phone) <= 100),
  email              text check (length(email) <= 300),
  source_name        text check (length(source_name) <= 200),
  campaign           text check (length(campaign) <= 300),
  outcome            text check (length(outcome) <= 100),
  recording_url      text check (length(recording_url) <= 2000),
  contact_source     text,
  contact_id         text,
  contact_name       text,
  deal_id            text,
  deal_name          text,
  deal_stage         text,
  deal_amount        numeric,
  deal_result        text check (deal_result in ('won', 'lost', 'open')),
  transcript_format  text,
  rep_speaker        text check (length(rep_speaker) <= 100),  -- who the importer said the rep is, if they did
  transcript         text check (length(transcript) <= 5000000),  -- as it came
  utterances         jsonb,   -- the parsed transcript: speaker, side, start, end, text
  metrics            jsonb,   -- CallMetrics as JSON
  hits               jsonb,   -- tracker hits
  scorecard          jsonb,   -- the answers: automatic and by people
  talk_ratio         numeric,
  rep_questions_pm   numeric,
  longest_monologue_s numeric,
  patience_s         numeric,
  interactivity      numeric,
  rep_wpm            numeric,
  filler_rate        numeric,
  score              numeric check (score between 0 and 100),
  analysis_error     text,
  analysed_at        timestamptz,
  follow_up          text,    -- the next step heard, when a task was asked for
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, source, external_id)
);
select public.enable_tenant_rls('sales_call');
create index sales_call_started on sales_call (tenant_id, started_at desc);
create index sales_call_rep on sales_call (tenant_id, rep, started_at desc);

-- What the company says in calls that it wants to hear about: phrases, on a side, in a part of the call
create table tracker (
  tenant_id   uuid not null default public.current_tenant(),
  id          uuid not null,
  name        text not null check (length(name) between 1 and 100),
  phrases     text not null check (length(phrases) between 1 and 5000),  -- JSON array of phrases
  side        text check (side in ('REP', 'CUSTOMER')),
  segment     text not null default 'ANY' check (segment in ('ANY', 'OPENING', 'MIDDLE', 'CLOSING')),
  created_by  text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);
select public.enable_tenant_rls('tracker');

-- The CRM as far as calls need it: contacts by phone and email, and their latest deal
create table crm_contact (
  tenant_id    uuid not null default public.current_tenant(),
  source       text not null,
  external_id  text not null,
  name         text,
  email        text,
  phone_key    text,   -- the last nine digits: the same number however it was typed
  primary key (tenant_id, source, external_id)
);
select public.enable_tenant_rls('crm_contact');
create index crm_contact_phone on crm_contact (tenant_id, phone_key);
create index crm_contact_email on crm_contact (tenant_id, lower(email));

create table crm_deal (
  tenant_id    uuid not null default public.current_tenant(),
  source       text not null,
  external_id  text not null,
  contact_id   text,
  name         text,
  stage        text,
  amount       numeric,
  created_at   timestamptz,
  primary key (tenant_id, source, external_id)
);
select public.enable_tenant_rls('crm_deal');
create index crm_deal_contact on crm_deal (tenant_id, source, contact_id);

-- Read cursors of the warehouse's records
create table calls_state (
  tenant_id  uuid not null default public.current_tenant(),
  key        text not null,
  value      text,
  primary key (tenant_id, key)
);
select public.enable_tenant_rls('calls_state');
