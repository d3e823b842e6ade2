-- Supervision orders (督办): each is a case of the supervision_order process, whose reply step
-- is supervised like any other, so an ignored order escalates too.
create table sl_supervision_order (
    id              varchar(36)   not null primary key,
    escalation_id   varchar(36)   not null,
    case_id         varchar(64)   not null,
    order_case_id   varchar(64)   not null,
    instruction     varchar(2000) not null,
    reply_within    varchar(32)   not null,
    issued_by       varchar(255)  not null,
    issued_at       timestamp with time zone not null,
    constraint fk_sl_order_escalation foreign key (escalation_id) references sl_escalation (id)
);
create index ix_sl_order_escalation on sl_supervision_order (escalation_id);
