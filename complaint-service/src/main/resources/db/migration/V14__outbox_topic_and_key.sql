-- The outbox relay is platform's, the same in every service (issue 18): its rows name their topic and may name a
-- Kafka key other than the aggregate id, as case-service's have since V8 and V22. complaint-service publishes to one
-- topic, so every existing row is a complaint event.
alter table outbox_event add column topic varchar(64) not null default 'complaint-events';
alter table outbox_event add column record_key varchar(120);
