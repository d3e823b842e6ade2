-- Who may sign in, and the organisation Camunda's identity model lacks. People, posts and
-- departments are also Camunda users and groups (with memberships), so the engine offers tasks
-- by them; these tables hold the rest: the unit tree, which department a post belongs to,
-- leaders and what they oversee, what each supervisor watches, passwords and lockout.
create table sl_account (
    username        varchar(64)   not null primary key,
    display_name    varchar(255)  not null,
    password_hash   varchar(255)  not null,
    enabled         boolean       not null,
    failed_attempts int           not null,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null
);
create table sl_account_role (
    username varchar(64) not null references sl_account (username),
    role     varchar(32) not null,
    primary key (username, role)
);

create table sl_org_unit (
    id        varchar(64)  not null primary key,
    name      varchar(255) not null,
    parent_id varchar(64)  references sl_org_unit (id)
);
create table sl_org_department (
    id        varchar(64)  not null primary key,
    unit_id   varchar(64)  not null references sl_org_unit (id),
    name      varchar(255) not null,
    -- 内设部门负责人: receives the red alarms of level-3 risk steps
    head_user varchar(64)  references sl_account (username)
);
create table sl_org_post (
    id            varchar(64)  not null primary key,
    department_id varchar(64)  not null references sl_org_department (id),
    name          varchar(255) not null
);
-- A unit's principal leader (主要领导) and deputy leaders (分管领导).
create table sl_org_leader (
    unit_id  varchar(64) not null references sl_org_unit (id),
    username varchar(64) not null references sl_account (username),
    kind     varchar(16) not null,
    primary key (unit_id, username)
);
create table sl_org_deputy_department (
    username      varchar(64) not null references sl_account (username),
    department_id varchar(64) not null references sl_org_department (id),
    primary key (username, department_id)
);
-- The departments a supervisor watches; a row with department '*' means every department
-- (a unit-level discipline-inspection office).
create table sl_org_supervision (
    username      varchar(64) not null references sl_account (username),
    department_id varchar(64) not null,
    primary key (username, department_id)
);

-- A red alarm also reaches the leader accountable for the step's risk level.
alter table sl_escalation add column leaders varchar(1000);
