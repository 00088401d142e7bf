-- The department now handling the record, as the case events name it (case.assigned, case.transferred, …): the
-- public status page tells the citizen who is working on their complaint.
alter table complaint add column department_code varchar(16);
