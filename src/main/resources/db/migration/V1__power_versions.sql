-- Every deployment of a power code is a new version; the source as drawn is kept beside the
-- compiled definition (the compiled one is Camunda's deployment resource).
create table sl_power_version (
    power_code            varchar(64)   not null,
    version               integer       not null,
    process_key           varchar(255)  not null,
    process_definition_id varchar(255)  not null,
    deployment_id         varchar(64)   not null,
    source_sha256         char(64)      not null,
    source_xml            text          not null,
    deployed_at           timestamp with time zone not null,
    deployed_by           varchar(255)  not null,
    constraint pk_sl_power_version primary key (power_code, version),
    constraint uq_sl_power_version_definition unique (process_definition_id)
);

-- The catalog's read model: one row per power with its latest version, and one per step.
create table sl_catalog_power (
    power_code       varchar(64)   not null primary key,
    name             varchar(255)  not null,
    category         varchar(32)   not null,
    department       varchar(255)  not null,
    legal_basis      varchar(1000),
    statutory_limit  varchar(32),
    promised_limit   varchar(32),
    calendar         varchar(16)   not null,
    is_public        boolean       not null,
    fee              varchar(32),
    latest_version   integer       not null,
    process_key      varchar(255)  not null,
    updated_at       timestamp with time zone not null
);

create table sl_catalog_step (
    power_code       varchar(64)   not null,
    position         integer       not null,
    step_id          varchar(255)  not null,
    name             varchar(255),
    assignee         varchar(255),
    candidate_groups varchar(1000),
    time_limit       varchar(32),
    warn_before      varchar(32),
    supervisor       varchar(255),
    risk_level       integer,
    unsupervised     varchar(1000),
    constraint pk_sl_catalog_step primary key (power_code, position),
    constraint fk_sl_catalog_step_power foreign key (power_code) references sl_catalog_power (power_code) on delete cascade
);

create table sl_catalog_risk (
    power_code   varchar(64)   not null,
    step_id      varchar(255)  not null,
    position     integer       not null,
    code         varchar(64),
    level        integer       not null,
    description  varchar(1000),
    measure      varchar(1000),
    constraint pk_sl_catalog_risk primary key (power_code, step_id, position),
    constraint fk_sl_catalog_risk_power foreign key (power_code) references sl_catalog_power (power_code) on delete cascade
);
