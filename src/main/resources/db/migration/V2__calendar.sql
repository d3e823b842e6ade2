-- The holiday table: the exceptions to the plain Monday-to-Friday week, and the years whose
-- State Council table has been entered. A year without a row in sl_calendar_year is not covered
-- (even if it has no exceptions at all): deadlines reaching it are computed on weekends alone and
-- flagged. Every change of a year raises its revision, which tells other nodes to reload.
-- The columns are not called "day" and "year": both are keywords in H2 2.x.
create table sl_calendar_year (
    calendar_year  integer       not null primary key,
    revision       integer       not null,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(255)  not null
);

create table sl_calendar_day (
    calendar_date  date          not null primary key,
    kind           varchar(16)   not null,
    name           varchar(64),
    constraint ck_sl_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- 2025: State Council notice of 2024-11-12.
insert into sl_calendar_year (calendar_year, revision, updated_at, updated_by) values (2025, 1, current_timestamp, 'initial data');
insert into sl_calendar_day (calendar_date, kind, name) values
    (date '2025-01-01', 'HOLIDAY', '元旦'),
    (date '2025-01-26', 'WORKDAY', '春节调休上班'),
    (date '2025-01-28', 'HOLIDAY', '春节'),
    (date '2025-01-29', 'HOLIDAY', '春节'),
    (date '2025-01-30', 'HOLIDAY', '春节'),
    (date '2025-01-31', 'HOLIDAY', '春节'),
    (date '2025-02-01', 'HOLIDAY', '春节'),
    (date '2025-02-02', 'HOLIDAY', '春节'),
    (date '2025-02-03', 'HOLIDAY', '春节'),
    (date '2025-02-04', 'HOLIDAY', '春节'),
    (date '2025-02-08', 'WORKDAY', '春节调休上班'),
    (date '2025-04-04', 'HOLIDAY', '清明节'),
    (date '2025-04-05', 'HOLIDAY', '清明节'),
    (date '2025-04-06', 'HOLIDAY', '清明节'),
    (date '2025-04-27', 'WORKDAY', '劳动节调休上班'),
    (date '2025-05-01', 'HOLIDAY', '劳动节'),
    (date '2025-05-02', 'HOLIDAY', '劳动节'),
    (date '2025-05-03', 'HOLIDAY', '劳动节'),
    (date '2025-05-04', 'HOLIDAY', '劳动节'),
    (date '2025-05-05', 'HOLIDAY', '劳动节'),
    (date '2025-05-31', 'HOLIDAY', '端午节'),
    (date '2025-06-01', 'HOLIDAY', '端午节'),
    (date '2025-06-02', 'HOLIDAY', '端午节'),
    (date '2025-09-28', 'WORKDAY', '国庆节、中秋节调休上班'),
    (date '2025-10-01', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-03', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-05', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-07', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    (date '2025-10-11', 'WORKDAY', '国庆节、中秋节调休上班');

-- 2026: State Council notice of 2025-11-04.
insert into sl_calendar_year (calendar_year, revision, updated_at, updated_by) values (2026, 1, current_timestamp, 'initial data');
insert into sl_calendar_day (calendar_date, kind, name) values
    (date '2026-01-01', 'HOLIDAY', '元旦'),
    (date '2026-01-02', 'HOLIDAY', '元旦'),
    (date '2026-01-03', 'HOLIDAY', '元旦'),
    (date '2026-01-04', 'WORKDAY', '元旦调休上班'),
    (date '2026-02-14', 'WORKDAY', '春节调休上班'),
    (date '2026-02-15', 'HOLIDAY', '春节'),
    (date '2026-02-16', 'HOLIDAY', '春节'),
    (date '2026-02-17', 'HOLIDAY', '春节'),
    (date '2026-02-18', 'HOLIDAY', '春节'),
    (date '2026-02-19', 'HOLIDAY', '春节'),
    (date '2026-02-20', 'HOLIDAY', '春节'),
    (date '2026-02-21', 'HOLIDAY', '春节'),
    (date '2026-02-22', 'HOLIDAY', '春节'),
    (date '2026-02-23', 'HOLIDAY', '春节'),
    (date '2026-02-28', 'WORKDAY', '春节调休上班'),
    (date '2026-04-04', 'HOLIDAY', '清明节'),
    (date '2026-04-05', 'HOLIDAY', '清明节'),
    (date '2026-04-06', 'HOLIDAY', '清明节'),
    (date '2026-05-01', 'HOLIDAY', '劳动节'),
    (date '2026-05-02', 'HOLIDAY', '劳动节'),
    (date '2026-05-03', 'HOLIDAY', '劳动节'),
    (date '2026-05-04', 'HOLIDAY', '劳动节'),
    (date '2026-05-05', 'HOLIDAY', '劳动节'),
    (date '2026-05-09', 'WORKDAY', '劳动节调休上班'),
    (date '2026-06-19', 'HOLIDAY', '端午节'),
    (date '2026-06-20', 'HOLIDAY', '端午节'),
    (date '2026-06-21', 'HOLIDAY', '端午节'),
    (date '2026-09-20', 'WORKDAY', '国庆节调休上班'),
    (date '2026-09-25', 'HOLIDAY', '中秋节'),
    (date '2026-09-26', 'HOLIDAY', '中秋节'),
    (date '2026-09-27', 'HOLIDAY', '中秋节'),
    (date '2026-10-01', 'HOLIDAY', '国庆节'),
    (date '2026-10-02', 'HOLIDAY', '国庆节'),
    (date '2026-10-03', 'HOLIDAY', '国庆节'),
    (date '2026-10-04', 'HOLIDAY', '国庆节'),
    (date '2026-10-05', 'HOLIDAY', '国庆节'),
    (date '2026-10-06', 'HOLIDAY', '国庆节'),
    (date '2026-10-07', 'HOLIDAY', '国庆节'),
    (date '2026-10-10', 'WORKDAY', '国庆节调休上班');
