-- platform's EventHistoryPurge deletes sent outbox rows and consumed event ids past their retention; these indexes
-- let it find them without reading the whole table.
create index outbox_event_sent_idx on outbox_event (sent_at) where sent_at is not null;
create index processed_event_processed_idx on processed_event (processed_at);
