-- One row per (event, recipient, channel): the unique key makes a redelivered event a no-op.
-- Recipients are a department code, a role, or a reference to the citizen of a complaint;
-- contact details are fetched from complaint-service at send time and never stored here.

create table notification (
    id              uuid primary key,
    event_id        varchar(100) not null,
    event_type      varchar(100) not null,
    complaint_id    uuid,
    tracking_number varchar(20),
    recipient       varchar(100) not null,
    recipient_kind  varchar(16)  not null,
    channel         varchar(16)  not null,
    template        varchar(64)  not null,
    language        varchar(8)   not null,
    subject         varchar(200),
    body            text,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    constraint notification_once unique (event_id, recipient, channel)
);

create index notification_tracking_idx on notification (tracking_number, created_at);
create index notification_status_idx on notification (status, created_at);
create index notification_inbox_idx on notification (recipient, channel, created_at desc);
