-- A Kafka key other than the complaint id, for events about no single complaint (case.risk-alert.v1 is keyed
-- <cityCode>:<scope>:<value>). Null: the key is aggregate_id, as before.

alter table outbox_event add column record_key varchar(120);
