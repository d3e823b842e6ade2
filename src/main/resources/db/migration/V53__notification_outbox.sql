-- The notification outbox (docs/notifications.md): one row per event, recipient and channel,
-- written in the event's transaction and delivered by the worker after commit. The in-app
-- channel's rows are the notification centre itself.
create table sl_notification (
    id              varchar(36)   not null primary key,
    -- event kind, event key, recipient and channel: a retried or repeated event writes nothing twice
    idempotency_key varchar(400)  not null,
    event_kind      varchar(32)   not null,
    event_key       varchar(200)  not null,
    -- a username, or robot:<name> for an IM group robot
    recipient       varchar(100)  not null,
    channel         varchar(16)   not null,
    -- where the channel sends it: the mail address, the robot's name
    address         varchar(320),
    subject         varchar(300)  not null,
    body            varchar(4000) not null,
    link            varchar(300),
    status          varchar(16)   not null,
    attempts        int           not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(100),
    claimed_until   timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    read_at         timestamp with time zone,
    constraint sl_notification_once unique (idempotency_key)
);
-- The worker's look for due rows, and the notification centre's list and unread count.
create index sl_notification_due on sl_notification (status, next_attempt_at);
create index sl_notification_inbox on sl_notification (recipient, channel, created_at);

-- Where mail reaches a person; no row, no mail.
create table sl_notification_contact (
    username varchar(64)  not null primary key,
    email    varchar(320)
);

-- A person's choice per event kind and channel; no row means on.
create table sl_notification_preference (
    username   varchar(64) not null,
    event_kind varchar(32) not null,
    channel    varchar(16) not null,
    enabled    boolean     not null,
    primary key (username, event_kind, channel)
);

-- Quiet hours in China Standard Time (start may be after end: over midnight); mail then waits.
create table sl_notification_quiet (
    username   varchar(64) not null primary key,
    quiet_from time        not null,
    quiet_to   time        not null
);
