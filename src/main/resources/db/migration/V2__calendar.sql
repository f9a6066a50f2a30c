-- Holiday notices (国务院办公厅关于部分节假日安排的通知) loaded at run time by an administrator,
-- on top of the bundled calendar; a year's notice replaces that year's bundled days.
create table app_calendar_notice (
  notice_year integer      not null primary key,
  source      varchar(200) not null,
  loaded_by   varchar(64)  not null,
  loaded_at   timestamp    not null
);

create table app_calendar_day (
  calendar_date date  not null primary key,
  notice_year integer not null references app_calendar_notice (notice_year),
  working     boolean not null
);
