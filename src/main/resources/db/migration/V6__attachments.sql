-- Attachments (附件) of any procedure's item (approval.Attachments): which item, which version, who added it, its
-- checked type and SHA-256. The file's bytes live in a table of their own, so listing files never reads them.
-- bytea is PostgreSQL's binary type; H2 reads it as BINARY VARYING (up to 1,000,000,000 bytes): one migration for both.
create table app_attachment (
  id           varchar(36)  not null primary key,
  subject_type varchar(60)  not null,
  subject_id   varchar(64)  not null,
  -- the item's version the file was submitted with; null while its author prepares the next submission
  version      integer,
  file_name    varchar(200) not null,
  file_type    varchar(10)  not null,
  size_bytes   bigint       not null,
  sha256       varchar(64)  not null,
  uploaded_by  varchar(64)  not null,
  uploaded_at  timestamp    not null
);
create index app_attachment_subject_idx on app_attachment (subject_type, subject_id);

create table app_attachment_content (
  attachment_id varchar(36) not null primary key references app_attachment (id) on delete cascade,
  content       bytea       not null
);
