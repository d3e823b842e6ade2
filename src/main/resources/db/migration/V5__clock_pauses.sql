-- Clock pauses (暂停计时): only for the reasons the law lists, each with who, when and why.
-- At most one open pause per case: the partial uniqueness is enforced by the service and by
-- open_case_id, which is the case id while the pause is open and null once it has ended.
create table sl_clock_pause (
    id              varchar(36)   not null primary key,
    case_id         varchar(64)   not null,
    open_case_id    varchar(64),
    category        varchar(32)   not null,
    reason          varchar(2000) not null,
    started_by      varchar(255)  not null,
    started_at      timestamp with time zone not null,
    ended_by        varchar(255),
    ended_at        timestamp with time zone,
    paused_seconds  bigint,
    constraint uq_sl_clock_pause_open unique (open_case_id)
);
create index ix_sl_clock_pause_case on sl_clock_pause (case_id, started_at);
