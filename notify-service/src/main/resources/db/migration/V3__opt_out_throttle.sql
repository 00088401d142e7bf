-- Failed opt-outs, counted per tracking number and per client (keyed hashes, nothing in clear), so that after
-- 10 failures in 15 minutes the public endpoint answers 429 on every replica alike (DESIGN §8).
create table opt_out_failure (
    throttle_key bytea       not null,
    failed_at    timestamptz not null
);

create index opt_out_failure_key_idx on opt_out_failure (throttle_key, failed_at desc);
