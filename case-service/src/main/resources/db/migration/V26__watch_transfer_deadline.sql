-- transferBy is watched (issue 20): a clock for each case still waiting undecided with its department, from its
-- assignment, as DeadlineWatch runs it (paused while the department waits for the citizen's materials); cases
-- assigned from now on get theirs when they are opened or re-assigned.

insert into deadline_clock (case_id, name, started_at, due_at, warn_at, paused_at)
select id, 'transferBy', coalesce(assigned_at, received_at), transfer_by,
       coalesce(assigned_at, received_at) + (transfer_by - coalesce(assigned_at, received_at)) * 0.8,
       waiting_for_materials_since
from case_file
where transfer_by is not null and state = 'ASSIGNED'
on conflict (case_id, name) do nothing;
