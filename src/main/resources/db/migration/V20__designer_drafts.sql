-- Drafts of powers in the designer, shared by all designers. Every save raises the revision; a
-- save that names an older revision is refused (optimistic concurrency), never overwrites.
create table sl_designer_draft (
    id           varchar(36)   not null primary key,
    power_code   varchar(64),
    name         varchar(255),
    source_xml   text          not null,
    revision     integer       not null,
    created_by   varchar(255)  not null,
    created_at   timestamp with time zone not null,
    updated_by   varchar(255)  not null,
    updated_at   timestamp with time zone not null
);

create index ix_sl_designer_draft_power on sl_designer_draft (power_code);
