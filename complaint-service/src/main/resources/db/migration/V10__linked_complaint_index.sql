-- complaint.linked_complaint_id references complaint(id): without an index every deleted complaint scanned the
-- whole table for records linked to it (a purge of a million synthetic rows never finished). Also serves
-- "what is linked to this record" look-ups.
create index if not exists complaint_linked_idx on complaint (linked_complaint_id) where linked_complaint_id is not null;
