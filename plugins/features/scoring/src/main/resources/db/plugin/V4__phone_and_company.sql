-- The phone a lead gave (as given), and the keys that find candidate duplicates: the phone in E.164
-- (Quality.normalPhone) and the company without legal suffixes (Duplicates.companyKey); Duplicates decides.
alter table scoring_lead add column phone text check (length(phone) <= 100);
alter table scoring_lead add column phone_key text;
alter table scoring_lead add column company_key text;
create index scoring_lead_phone_key on scoring_lead (tenant_id, phone_key);
create index scoring_lead_company_key on scoring_lead (tenant_id, company_key);
