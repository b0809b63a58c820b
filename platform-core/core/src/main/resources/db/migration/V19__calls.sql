-- Calls as call-tracking platforms (CallRail) report them: who called, where from, who answered, and the transcript
-- the calls plugin analyses. The transcript is the provider's text or diarised JSON, as it came.
alter table wh_call add column direction text;
alter table wh_call add column answered boolean;
alter table wh_call add column customer_name text;
alter table wh_call add column customer_email text;
alter table wh_call add column tracking_number text;
alter table wh_call add column source_name text;
alter table wh_call add column agent text;
alter table wh_call add column transcript text;
