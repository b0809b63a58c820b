-- The model that gave the score last sent: a new model (or points model version) sends the lead again, as its band
-- and reason may differ at the same points.
alter table scoring_crm_sync add column model text check (length(model) <= 100);
