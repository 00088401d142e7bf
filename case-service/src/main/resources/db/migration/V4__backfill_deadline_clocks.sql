-- Clocks for the cases opened before the deadline scheduler existed, in the states DeadlineWatch runs them in.

insert into deadline_clock (case_id, name, started_at, due_at, warn_at)
select id, 'acceptBy', received_at, accept_by, received_at + (accept_by - received_at) * 0.8
from case_file
where accept_by is not null and state in ('NEW', 'ASSIGNED')
on conflict (case_id, name) do nothing;

insert into deadline_clock (case_id, name, started_at, due_at, warn_at)
select id, 'verifyBy', received_at, verify_by, received_at + (verify_by - received_at) * 0.8
from case_file
where verify_by is not null and state in ('NEW', 'ASSIGNED', 'ACCEPTED', 'UNDER_INVESTIGATION')
on conflict (case_id, name) do nothing;

insert into deadline_clock (case_id, name, started_at, due_at, warn_at)
select id, 'mediationEndsBy', accepted_at, mediation_ends_by, accepted_at + (mediation_ends_by - accepted_at) * 0.8
from case_file
where mediation_ends_by is not null and accepted_at is not null and state in ('ACCEPTED', 'IN_MEDIATION')
on conflict (case_id, name) do nothing;
