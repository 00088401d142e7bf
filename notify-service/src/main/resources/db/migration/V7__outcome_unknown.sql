-- Issue 16: a try whose answer was lost (a timeout after the request went out) may have delivered its message; the
-- next try first asks the other side whether it holds it (DeliveryChannel#alreadyTaken) instead of sending it again.
alter table notification add column outcome_unknown boolean not null default false;
