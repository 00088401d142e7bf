-- The platform's throttle (issue 18) replaces reward_claim_failure, which kept tracking numbers and client addresses
-- in clear and was never purged: hits are stored under a keyed hash only, each row with its own expiry.
create table throttle_hit (
    throttle_key bytea       not null,
    hit_at       timestamptz not null,
    expires_at   timestamptz not null
);
create index throttle_hit_key_idx on throttle_hit (throttle_key, hit_at);
create index throttle_hit_expiry_idx on throttle_hit (expires_at);
drop table reward_claim_failure;
