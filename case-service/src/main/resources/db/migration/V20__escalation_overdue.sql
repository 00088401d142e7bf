-- An escalation whose own deadline passed while it was still open (issue 4): the scheduler marks it once, in the
-- transaction that writes case.escalation-overdue.v1 and its audit entry.

alter table escalation add column overdue_at timestamptz;

-- What the escalation scan takes: open escalations not yet reported overdue, by their own deadline.
create index escalation_due_idx on escalation (due_at) where closed_at is null and overdue_at is null;
