-- ODR, enterprise first (DESIGN §4, issue 20 part 1). A complaint about a registered ODR enterprise may go to the
-- enterprise first; complaint-service tells each step on complaint-events (sent-to-enterprise, enterprise-responded,
-- settlement-answered) and opens the case with complaint.received.v1's odr block only when it did not end in a
-- settlement. One row per referred complaint, each event filling in its own columns (idempotent: a redelivery writes
-- the same values), for the supervisors' ODR statistics and the enterprises' credit record.

create table odr_referral (
    complaint_id        uuid         primary key,
    tracking_number     varchar(20)  not null,
    credit_code         varchar(18)  not null,
    enterprise_name     varchar(200),
    category            varchar(64),
    region_code         varchar(6),
    sent_at             timestamptz,
    -- the end of the enterprise's 10 working days
    due_at              timestamptz,
    responded_at        timestamptz,
    settled             boolean,
    responded_on_time   boolean,
    answered_at         timestamptz,
    -- the citizen's answer to a settlement: accepted (by them, or by letting their time pass) or disputed
    settlement_accepted boolean,
    accepted_by_citizen boolean,
    -- how the ODR turn ended: CONFIRMED (a settlement that stands), NOT_SETTLED, LAPSED (no answer by due_at),
    -- DISPUTED; null while it is under way
    ending              varchar(16)  check (ending in ('CONFIRMED', 'NOT_SETTLED', 'LAPSED', 'DISPUTED')),
    ended_at            timestamptz,
    -- the received_at of the case opened after it (the complaint's own receipt, which the statistics count it on)
    case_received_at    timestamptz,
    updated_at          timestamptz  not null
);

-- the ODR statistics: referrals sent in a range of days, per enterprise
create index odr_referral_sent_idx on odr_referral (sent_at);
-- odrShare: the ODR cases among the complaints received in the range
create index odr_referral_case_received_idx on odr_referral (case_received_at) where case_received_at is not null;
-- the credit record in the summary: lapsed referrals by the day they lapsed, overall and per enterprise
create index odr_referral_lapsed_idx on odr_referral (ended_at) where ending = 'LAPSED';
create index odr_referral_lapsed_code_idx on odr_referral (credit_code, ended_at) where ending = 'LAPSED';

-- The received cases per kind (KIND: COMPLAINT, REPORT), so that odrShare divides by the complaints received, not by
-- complaints and reports, without reading stats_daily (nearly a row per case). Kept like the other dimensions; the
-- days before this migration are added up from stats_daily.
alter table stats_daily_by drop constraint stats_daily_by_dimension_check;
alter table stats_daily_by add constraint stats_daily_by_dimension_check
    check (dimension in ('TOTAL', 'OUTCOME', 'DEPARTMENT', 'CATEGORY', 'REGION', 'KIND'));

insert into stats_daily_by (dimension, day, key, received, decided, decided_on_time, ratings, rating_sum)
select 'KIND', day, kind, sum(received), sum(decided), sum(decided_on_time), sum(ratings), sum(rating_sum)
from stats_daily
group by day, kind;
