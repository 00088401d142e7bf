-- Issue 20, part 1: a complaint about a registered ODR enterprise may go to the enterprise first (DESIGN §4). One row
-- per such complaint holds the enterprise's answer and the citizen's; the state moves WITH_ENTERPRISE → SETTLED →
-- CONFIRMED, or ends NOT_SETTLED, LAPSED or DISPUTED, when a case opens for the department (complaint.received.v1).
create table odr_referral (
    complaint_id uuid primary key references complaint (id),
    enterprise_credit_code varchar(18) not null,
    enterprise_name varchar(200) not null,
    share_contact boolean not null,
    state varchar(20) not null,
    sent_at timestamptz not null,
    due_at timestamptz not null,
    responded_at timestamptz,
    responded_by varchar(100),
    agreement varchar(2000),
    reason varchar(2000),
    answer_by timestamptz,
    answered_at timestamptz,
    answered_by_citizen boolean,
    citizen_comment varchar(1000),
    ended_at timestamptz,
    version integer not null default 0,
    constraint odr_referral_state check (state in ('WITH_ENTERPRISE', 'SETTLED', 'CONFIRMED', 'NOT_SETTLED', 'LAPSED', 'DISPUTED'))
);
-- the enterprise's list, newest first
create index odr_referral_enterprise on odr_referral (enterprise_credit_code, sent_at desc, complaint_id desc);
-- the scheduler's two scans: unanswered past due, settlements the citizen let stand
create index odr_referral_due on odr_referral (due_at) where state = 'WITH_ENTERPRISE';
create index odr_referral_answer_by on odr_referral (answer_by) where state = 'SETTLED';
