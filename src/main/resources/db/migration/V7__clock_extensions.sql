-- Extensions of a case's limit (延长, Licensing Law art. 42): requested by a handler, decided
-- once by the accountable leader; at most one per case.
create table sl_clock_extension (
    id            varchar(36)   not null primary key,
    case_id       varchar(64)   not null,
    amount        varchar(32)   not null,
    reason        varchar(2000) not null,
    requested_by  varchar(255)  not null,
    requested_at  timestamp with time zone not null,
    status        varchar(16)   not null,
    decided_by    varchar(255),
    decided_at    timestamp with time zone,
    note          varchar(2000),
    old_deadline  timestamp with time zone,
    new_deadline  timestamp with time zone,
    constraint uq_sl_clock_extension_case unique (case_id)
);
