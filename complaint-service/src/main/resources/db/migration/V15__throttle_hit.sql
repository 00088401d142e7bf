-- The platform's throttle (issue 18): one table for the status-lookup and web-intake counts, keyed hashes only, each
-- hit with its own expiry (a window in flight starts afresh once: the old counts are dropped).
create table throttle_hit (throttle_key bytea not null, hit_at timestamptz not null, expires_at timestamptz not null);
create index throttle_hit_key_idx on throttle_hit (throttle_key, hit_at);
create index throttle_hit_expiry_idx on throttle_hit (expires_at);
drop table status_lookup_failure;
drop table web_submission;
