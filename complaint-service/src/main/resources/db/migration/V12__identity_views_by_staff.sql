-- The auditors' list of staff views of personal data (operators' and reward officers'), newest first: most rows of
-- identity_access_audit are services' contact reads, so the staff views get an index of their own.
create index identity_access_audit_staff_idx on identity_access_audit (id)
    where purpose in ('OPERATOR_VIEW', 'REWARD_VIEW');
