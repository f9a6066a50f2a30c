-- Official documents (公文) of every procedure, and the number sequences of every issuing body (kernel "document").
-- Runs unchanged on H2 and PostgreSQL (bytea is H2's name for VARBINARY too).

-- Number sequences per key and year: 发文字号 per issuing body (approver:370900 → 泰发〔2026〕1号), filing numbers
-- per province (filing:370000 → 鲁编备〔2026〕1号). The row is incremented in the deciding transaction.
create table app_number_sequence (
  sequence_key varchar(100) not null,
  seq_year     integer      not null,
  last_number  integer      not null,
  primary key (sequence_key, seq_year)
);

-- The filing numbers' sequences (V1) go on where they stand.
insert into app_number_sequence (sequence_key, seq_year, last_number)
  select 'filing:' || province_code, filing_year, last_number from app_filing_sequence;
drop table app_filing_sequence;

-- Every document generated on a decision: written once with its number, never changed; a correction is a new document.
create table app_document (
  id           varchar(36)  not null primary key,
  subject_type varchar(60)  not null,
  subject_id   varchar(64)  not null,
  doc_kind     varchar(20)  not null,
  doc_number   varchar(60)  not null,
  issuer_key   varchar(100) not null,
  issuer_name  varchar(200) not null,
  title        varchar(300) not null,
  stage        varchar(40)  not null,
  stage_name   varchar(100) not null,
  decision     varchar(40)  not null,
  task_id      varchar(64),
  issued_on    date         not null,
  created_by   varchar(64)  not null,
  created_at   timestamp    not null,
  content      text         not null,
  docx         bytea        not null,
  docx_sha256  varchar(64)  not null,
  pdf          bytea        not null,
  pdf_sha256   varchar(64)  not null,
  constraint app_document_number_uq unique (doc_number)
);
create index app_document_subject_idx on app_document (subject_type, subject_id);
