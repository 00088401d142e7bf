-- The supervisor's worklist over all departments, newest first, keyset-paged: without this index the
-- first page sorts every case (bench/worklist-1m.sh: p95 692 ms with a million cases).
create index if not exists case_file_received_idx on case_file (received_at desc, id desc);
