-- Evidence files: metadata here, content behind EvidenceStore (this table for the PostgreSQL store),
-- sealed with AES-GCM like personal data (photos and receipts name people too).
create table evidence_file (
    id           uuid         primary key,
    complaint_id uuid         not null references complaint (id),
    file_name    varchar(255) not null,
    media_type   varchar(100) not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    sha256       varchar(64)  not null,
    key_id       varchar(32)  not null,
    uploaded_by  varchar(100),
    uploaded_at  timestamptz  not null
);

create index evidence_file_complaint_idx on evidence_file (complaint_id, uploaded_at);

create table evidence_content (
    file_id uuid  primary key references evidence_file (id),
    content bytea not null
);
