-- A supervisor's bulk re-send: every FAILED notification (of one channel, or all) back to PENDING with fresh tries in
-- one transaction, each marked with the batch, so the batch's progress is the count of its rows by status.
create table resend_batch (
    id            uuid primary key,
    requested_by  varchar(255) not null,
    requested_at  timestamptz  not null,
    channel       varchar(16),
    total         integer      not null
);
create index resend_batch_requested_idx on resend_batch (requested_at desc);

alter table notification
    add column resend_batch_id uuid;
create index notification_resend_batch_idx on notification (resend_batch_id, status) where resend_batch_id is not null;
