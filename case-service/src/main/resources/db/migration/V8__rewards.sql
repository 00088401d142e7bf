-- Rewards for reporting (issue 5, DESIGN §5): the reward of a report's case, its append-only audit trail,
-- the append-only payout ledger, the reporter's claim (personal data encrypted by the application with
-- AES-GCM under a key id), who viewed the reporter's identity, and failed claim tries for the throttle.

-- complaint.received.v1 carries whether the reporter asked for a reward; earlier cases did not keep it.
alter table case_file add column reward_requested boolean not null default false;

-- Published events go to their topic (case-events, reward-events); rows written before are case-events.
alter table outbox_event add column topic varchar(64) not null default 'case-events';

create table reward (
    id                         uuid primary key,
    case_id                    uuid         not null unique references case_file (id),
    complaint_id               uuid         not null,
    tracking_number            varchar(20)  not null,
    -- the violation the first-reporter rule groups by: enterprise credit code and penalty decision number
    violation_key              varchar(120) not null,
    level                      smallint     not null check (level between 1 and 3),
    base_fen                   bigint       not null check (base_fen >= 0),
    -- the whole reward of the violation before the same-day split, and this report's share of it
    violation_amount_fen       bigint       not null check (violation_amount_fen >= 0),
    amount_fen                 bigint       not null check (amount_fen >= 0 and amount_fen <= violation_amount_fen),
    shared_by                  integer      not null check (shared_by >= 1),
    insider                    boolean      not null,
    exclusions_declared        varchar(200) not null default '',
    below_major_threshold      boolean      not null,
    finance_approval_required  boolean      not null,
    state                      varchar(16)  not null,
    proposer                   varchar(100) not null,
    approver                   varchar(100),
    finance_approver           varchar(100),
    proposal_note              varchar(2000),
    public_note                varchar(2000),
    proposed_at                timestamptz  not null,
    decided_at                 timestamptz,
    notified_at                timestamptz,
    claim_deadline             date,
    claim_by                   timestamptz,
    claimed_at                 timestamptz,
    paid_at                    timestamptz,
    expired_at                 timestamptz,
    payment_reference          varchar(100),
    -- the payout's idempotency key, fixed at the first try and sent again on every retry
    payout_key                 uuid unique,
    payout_lease_until         timestamptz,
    version                    integer      not null default 0,
    check ((state in ('NOTIFIED', 'CLAIMED', 'PAID', 'EXPIRED')) = (claim_by is not null))
);

create index reward_state_idx on reward (state, proposed_at desc, id desc);
create index reward_violation_idx on reward (violation_key);
-- the expiry scan: notified rewards by the end of their claim window
create index reward_claim_by_idx on reward (claim_by) where state = 'NOTIFIED';

-- Rows of the append-only tables below can be added, never changed or removed, by anyone.
create function refuse_change_of_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only', tg_table_name;
end $$;

create table reward_event (
    id          bigserial primary key,
    reward_id   uuid         not null references reward (id),
    type        varchar(64)  not null,
    from_state  varchar(16),
    to_state    varchar(16),
    actor       varchar(100) not null,
    actor_role  varchar(32)  not null,
    at          timestamptz  not null,
    note        varchar(2000)
);
create index reward_event_reward_idx on reward_event (reward_id, at, id);
create trigger reward_event_append_only before update or delete on reward_event
    for each row execute function refuse_change_of_append_only();

-- The payout ledger: REQUESTED when a try starts, UNCONFIRMED when the gateway did not answer, PAID once.
create table payout_ledger (
    id                uuid primary key,
    reward_id         uuid         not null references reward (id),
    entry             varchar(16)  not null check (entry in ('REQUESTED', 'UNCONFIRMED', 'FAILED', 'PAID')),
    idempotency_key   uuid         not null,
    amount_fen        bigint       not null check (amount_fen >= 0),
    payment_reference varchar(100),
    actor             varchar(100) not null,
    at                timestamptz  not null,
    note              varchar(500)
);
-- a second payment of one reward is impossible at the database level
create unique index payout_ledger_paid_once on payout_ledger (reward_id) where entry = 'PAID';
create index payout_ledger_reward_idx on payout_ledger (reward_id, at);
create trigger payout_ledger_append_only before update or delete on payout_ledger
    for each row execute function refuse_change_of_append_only();

-- The reporter's claim: name, ID number and bank account sealed together (AES-GCM; nonce + ciphertext).
create table reward_claim (
    reward_id      uuid primary key references reward (id),
    claimed_at     timestamptz  not null,
    key_id         varchar(32)  not null,
    sealed_data    bytea        not null
);

-- Every view of a reporter's identity by reward staff.
create table reward_identity_view (
    id          bigserial primary key,
    reward_id   uuid         not null references reward (id),
    viewer      varchar(100) not null,
    viewer_role varchar(32)  not null,
    at          timestamptz  not null
);
create index reward_identity_view_reward_idx on reward_identity_view (reward_id, at);
create trigger reward_identity_view_append_only before update or delete on reward_identity_view
    for each row execute function refuse_change_of_append_only();

-- Failed claim tries (wrong tracking number or query code), for the throttle per number and per client.
create table reward_claim_failure (
    id              bigserial primary key,
    tracking_number varchar(40)  not null,
    client_address  varchar(64)  not null,
    at              timestamptz  not null
);
create index reward_claim_failure_number_idx on reward_claim_failure (tracking_number, at);
create index reward_claim_failure_client_idx on reward_claim_failure (client_address, at);
