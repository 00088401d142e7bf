-- The citizen's follow-up (回访) rating of a resolved complaint: one per record, forwarded to
-- case-service as complaint.feedback-given.v1 through the outbox.
create table complaint_feedback (
    complaint_id uuid        primary key references complaint (id),
    rating       smallint    not null check (rating between 1 and 5),
    comment      varchar(500),
    given_at     timestamptz not null
);
