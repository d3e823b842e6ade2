-- The console's projections, kept up to date in the transactions of the task, escalation and
-- case events they follow, so the board, statistics and evaluation never scan Camunda's history.

-- One run of a supervised step (one task).
create table sl_step_run (
    task_id         varchar(64)   not null primary key,
    execution_id    varchar(64)   not null,
    case_id         varchar(64)   not null,
    case_number     varchar(64),
    process_definition_id varchar(64) not null,
    power_code      varchar(64)   not null,
    power_name      varchar(255),
    power_version   int,
    department      varchar(255),
    step_id         varchar(255)  not null,
    step_name       varchar(255),
    assignee        varchar(255),
    time_limit      varchar(64),
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone,
    outcome         varchar(16),
    deadline        timestamp with time zone,
    working_seconds bigint,
    overrun         boolean       not null,
    yellow          boolean       not null,
    red             boolean       not null,
    finding         varchar(32)
);
create index ix_sl_step_run_open on sl_step_run (ended_at, department);
create index ix_sl_step_run_period on sl_step_run (department, ended_at);
create index ix_sl_step_run_power on sl_step_run (process_definition_id, step_id, ended_at);
create index ix_sl_step_run_case on sl_step_run (case_id);

-- One case.
create table sl_case_run (
    case_id         varchar(64)   not null primary key,
    case_number     varchar(64),
    process_definition_id varchar(64) not null,
    power_code      varchar(64)   not null,
    power_name      varchar(255),
    department      varchar(255),
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone,
    deadline        timestamp with time zone,
    on_time         boolean,
    yellow          boolean       not null,
    red             boolean       not null,
    finding         varchar(32)
);
create index ix_sl_case_run_open on sl_case_run (ended_at, department);
create index ix_sl_case_run_period on sl_case_run (department, ended_at);

-- A supervisor's finding on an escalation (查实认定): why the step or case ran late.
create table sl_finding (
    id              varchar(36)   not null primary key,
    escalation_id   varchar(36)   not null,
    case_id         varchar(64)   not null,
    task_id         varchar(64),
    department      varchar(255),
    kind            varchar(32)   not null,
    note            varchar(2000),
    recorded_by     varchar(255)  not null,
    recorded_at     timestamp with time zone not null,
    constraint uq_sl_finding_escalation unique (escalation_id)
);
create index ix_sl_finding_department on sl_finding (department, recorded_at);
