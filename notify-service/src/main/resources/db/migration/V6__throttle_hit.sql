-- The platform's throttle (issue 18): hits per keyed hash, each with its own expiry; the opt-out throttle moves here.
create table throttle_hit (throttle_key bytea not null, hit_at timestamptz not null, expires_at timestamptz not null);
create index throttle_hit_key_idx on throttle_hit (throttle_key, hit_at);
create index throttle_hit_expiry_idx on throttle_hit (expires_at);
drop table opt_out_failure;
