-- Complaints (投诉举报) filed on the portal. Each is a case of the system power SYS-COMPLAINT
-- (case_id, complaint_number = its case number); this row says what it is about and who filed it.
-- The complainant's name and phone are erased (erased_at) once the retention after closing ends.
create table sl_complaint (
    id                  varchar(36)   not null primary key,
    case_id             varchar(64)   not null,
    complaint_number    varchar(64)   not null,
    subject_kind        varchar(16)   not null,
    subject_case_id     varchar(64),
    subject_task_id     varchar(64),
    subject_power_code  varchar(64),
    subject_department  varchar(255),
    subject_label       varchar(255)  not null,
    anonymous           boolean       not null,
    complainant_name    varchar(255),
    complainant_phone   varchar(32),
    filed_at            timestamp with time zone not null,
    closed_at           timestamp with time zone,
    erased_at           timestamp with time zone,
    constraint uq_sl_complaint_case unique (case_id),
    constraint uq_sl_complaint_number unique (complaint_number)
);
create index ix_sl_complaint_retention on sl_complaint (erased_at, closed_at);

-- Challenge solutions already used: one solution files one complaint, on any node.
create table sl_complaint_challenge (
    signature   varchar(128)  not null primary key,
    used_at     timestamp with time zone not null
);

-- A finding may now come from a substantiated complaint instead of an escalation, and may be
-- against a department without a case (a complaint about a power or a department).
alter table sl_finding alter column escalation_id drop not null;
alter table sl_finding alter column case_id drop not null;
alter table sl_finding add column complaint_id varchar(36);
create unique index uq_sl_finding_complaint on sl_finding (complaint_id);
