-- The case lifecycle (issue 4): what a department decided, when, and the legal deadlines.

alter table case_file
    add column accepted_at              timestamptz,
    add column resolved_at              timestamptz,
    add column closed_at                timestamptz,
    add column refusal_ground           varchar(40),
    add column outcome_ground           varchar(40),
    add column decision_number          varchar(64),
    add column fines_fen                bigint check (fines_fen >= 0),
    add column confiscations_fen        bigint check (confiscations_fen >= 0),
    -- each deadline is due at the end of its last day, Beijing time
    add column accept_by                timestamptz,
    add column transfer_by              timestamptz,
    add column mediation_ends_by        timestamptz,
    add column verify_by                timestamptz,
    add column verification_extended_at timestamptz,
    -- names of the deadlines counted on a year whose official calendar is not loaded, comma-separated
    add column provisional_deadlines    varchar(100) not null default '';
