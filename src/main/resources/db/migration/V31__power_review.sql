-- Review (法制审核): a designer's new version of a power waits here until a second person, a
-- reviewer, approves it; only then is it compiled into Camunda and given a sl_power_version row.
-- Version numbers are handed out at submission and shared with sl_power_version, so a rejected or
-- superseded version keeps its number and the live history may skip it (docs/designer.md).
create table sl_power_submission (
    power_code    varchar(64)   not null,
    version       integer       not null,
    process_key   varchar(255)  not null,
    name          varchar(255),
    department    varchar(255),
    source_sha256 char(64)      not null,
    source_xml    text          not null,
    warnings      integer       not null,
    -- IN_REVIEW, APPROVED, REJECTED, SUPERSEDED
    status        varchar(16)   not null,
    submitted_by  varchar(255)  not null,
    submitted_at  timestamp with time zone not null,
    reviewed_by   varchar(255),
    reviewed_at   timestamp with time zone,
    -- the reviewer's note on approval, the reason on rejection
    review_note   varchar(1000),
    constraint pk_sl_power_submission primary key (power_code, version)
);
create index ix_sl_power_submission_status on sl_power_submission (status, submitted_at);

-- Who approved a live version: a reviewer, 'system' for what Sunlight deploys itself at start-up,
-- null for versions published without review (review switched off, or before review existed).
alter table sl_power_version add column approved_by varchar(255);
update sl_power_version set approved_by = 'system' where deployed_by = 'system';

-- The departments whose powers a designer draws; a row with department '*' means every department.
create table sl_org_design (
    username      varchar(64) not null references sl_account (username),
    department_id varchar(64) not null,
    primary key (username, department_id)
);
