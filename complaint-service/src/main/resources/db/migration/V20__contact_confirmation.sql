-- Issue 17, item 5: a mobile or e-mail given on the web (or through Open311) is anyone's to type, so the suite sends
-- it one message, the receipt with a confirmation link, and nothing more until the citizen confirms it. Complaints
-- from before this, and those an operator registered, need no confirmation.
alter table complaint add column contact_confirmation_required boolean not null default false;
alter table complaint alter column contact_confirmation_required drop default;
alter table complaint add column mobile_confirmed_at timestamptz;
alter table complaint add column email_confirmed_at timestamptz;
