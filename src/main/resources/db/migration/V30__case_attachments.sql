-- Files kept with a case (申请材料, 补正材料, 现场照片): checked for size and kind on upload, served
-- back only as downloads. The content lives in the same database and transactions as the case.
create table sl_case_attachment (
    id            varchar(36)   not null primary key,
    case_id       varchar(64)   not null,
    task_id       varchar(64),
    step_name     varchar(255),
    name          varchar(255)  not null,
    content_type  varchar(128)  not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    content       bytea         not null,
    uploaded_by   varchar(255)  not null,
    uploaded_at   timestamp with time zone not null
);
create index ix_sl_case_attachment_case on sl_case_attachment (case_id, uploaded_at);
