-- Public notes from case-service (a department's public note, a reward's public note) may be 2,000 characters;
-- the timeline prefixes a reward's step to it.
alter table status_timeline_entry alter column note type varchar(2100);
