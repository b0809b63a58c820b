-- A company's logo is stored, no longer linked: served from Catalyst's own origin, the content security policy
-- allows it on every page, mails and the company's sign-in page show the same picture, and nothing is ever fetched
-- from an address a company typed. Always a PNG that Catalyst drew itself from the upload (logo_sha names it).
alter table tenant add column logo_png bytea, add column logo_sha text;
alter table tenant drop column logo_url;
