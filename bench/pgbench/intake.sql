-- What one intake writes, as pgbench sees it: a complaint row and its outbox row in one transaction,
-- into copies of the real tables (same columns, constraints and indexes) in schema "bench". The payload is
-- written with '=' for ':' (pgbench would read ":name" as a variable) and put right by replace().
\set n random(1, 100000000)
BEGIN;
INSERT INTO bench.complaint (id, tracking_number, query_code_hash, kind, channel, category, subject_name,
    subject_name_key, subject_address, subject_region_code, occurred_on, product_or_service, amount_fen,
    description, remedy, consent_publish, consent_entrusted_mediation, anonymous, reward_requested,
    person_ciphertext, person_key_id, mobile_blind_index, status, received_at, updated_at)
VALUES (gen_random_uuid(), 'PB' || nextval('bench.tracking'), gen_random_bytes(32), 'COMPLAINT', 'HOTLINE_12315',
    'PRODUCT.HOUSEHOLD_APPLIANCE', '南昌市东湖区基准测试商行' || :n, '南昌市东湖区基准测试商行' || :n,
    '南昌市东湖区八一大道318号', '360102', date '2026-11-18', '电热水器', 259900,
    '基准测试：购买的电热水器安装三天后漏电，商家拒绝退货，要求退货并赔偿安装费用。', 'RETURN', false, true, false, false,
    gen_random_bytes(180), 'v1', gen_random_bytes(32), 'RECEIVED', now(), now());
INSERT INTO bench.outbox_event (id, aggregate_id, type, subject, payload, created_at)
VALUES (gen_random_uuid(), gen_random_uuid(), 'complaint.received.v1', 'PB' || :n,
    replace('{"complaintId"="00000000-0000-0000-0000-000000000000","trackingNumber"="JX20261126000001","kind"="COMPLAINT","channel"="HOTLINE_12315","category"="PRODUCT.HOUSEHOLD_APPLIANCE","subject"={"name"="南昌市东湖区基准测试商行","creditCode"=null,"regionCode"="360102","onlinePlatform"=null},"occurredOn"="2026-11-18","amountFen"=259900,"anonymous"=false,"rewardRequested"=false,"receivedAt"="2026-11-26T05=45=00Z"}', '=', ':'),
    now());
END;
