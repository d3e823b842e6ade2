-- Failed sign-ins in a row and the lock per (typed user name, client address): a stranger's
-- failures lock only the stranger out (docs/security.md). Unknown names get rows too, so a lock
-- does not tell whether an account exists. The old per-account columns of sl_account stay unused.
create table sl_sign_in_lock (
    username        varchar(64)   not null,
    client_address  varchar(64)   not null,
    failures        int           not null,
    last_failure    timestamp with time zone not null,
    locked_until    timestamp with time zone,
    primary key (username, client_address)
);
