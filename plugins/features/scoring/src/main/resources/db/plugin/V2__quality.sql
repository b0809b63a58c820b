-- Data quality of each lead: a score (100 less what is wrong), the issues in words, and the keys duplicates share.
alter table scoring_lead add column quality integer check (quality between 0 and 100);
alter table scoring_lead add column quality_issues text;  -- [{"code": ..., "words": ...}]
alter table scoring_lead add column quality_codes text;   -- ' email-invalid name-missing ': the codes, for counting
alter table scoring_lead add column email_key text;       -- Quality.normalEmail
alter table scoring_lead add column person_key text;      -- Quality.normalPerson: name and company
create index scoring_lead_email_key on scoring_lead (tenant_id, email_key);
create index scoring_lead_person_key on scoring_lead (tenant_id, person_key);
