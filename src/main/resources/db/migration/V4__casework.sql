-- Cases (办件) as the handlers and the public know them: a readable number, a query code for the
-- applicant, and who applied. The process instance id is the case id.
create table sl_case (
    case_id             varchar(64)   not null primary key,
    case_number         varchar(64)   not null,
    query_code          varchar(16)   not null,
    power_code          varchar(64)   not null,
    power_version       integer       not null,
    title               varchar(255),
    applicant_name      varchar(255)  not null,
    applicant_id_number varchar(64),
    applicant_phone     varchar(64),
    started_by          varchar(255)  not null,
    started_at          timestamp with time zone not null,
    constraint uq_sl_case_number unique (case_number)
);

-- The last case number handed out per power and year; the row lock of the update makes two
-- nodes take turns.
create table sl_case_sequence (
    power_code  varchar(64)   not null,
    seq_year    integer       not null,
    last_value  bigint        not null,
    constraint pk_sl_case_sequence primary key (power_code, seq_year)
);
