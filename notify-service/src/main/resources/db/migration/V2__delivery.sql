-- Delivery in a separate step: a row is recorded PENDING, then a scheduled dispatcher leases due rows
-- with FOR UPDATE SKIP LOCKED (replicas never send the same row twice), tries the channel and either
-- marks it SENT, schedules the next try (exponential backoff with jitter), defers it past SMS quiet
-- hours, or after the last try marks it FAILED and publishes it to notification-dlq.
-- event_data keeps the event's JSON (no personal data by contract) so the message is rendered at send
-- time in the recipient's language; contacts are fetched from complaint-service then, never stored.

alter table notification
    add column event_data      text,
    add column next_attempt_at timestamptz,
    add column lease_until     timestamptz;

create index notification_due_idx on notification (next_attempt_at)
    where status in ('PENDING', 'DEFERRED');

-- Citizens who asked for no more messages about one complaint (public endpoint, opt-out code from the SMS).
create table opt_out (
    tracking_number varchar(20) primary key,
    created_at      timestamptz not null
);
