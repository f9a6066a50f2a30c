-- Duty access (职责准入, README "职责准入与考核事项"). Runs unchanged on H2 and PostgreSQL.
-- One row per request a county department makes to hand work to townships. The engine carries only the request's id
-- (business key) and small routing variables; every version, the affected townships with their opinions, and the
-- timeline (app_audit_entry) live here. An approved request is a duty on each affected township's list.
create table app_duty_request (
  id                  varchar(36)  not null primary key,
  title               varchar(200) not null,
  department          varchar(100) not null,
  county_code         varchar(6)   not null,
  city_code           varchar(6)   not null,
  province_code       varchar(6)   not null,
  -- 山东省 · 泰安市 · 宁阳县
  region_name         varchar(200) not null,
  status              varchar(20)  not null,
  current_version     integer      not null,
  process_instance_id varchar(64),
  -- set by the reminder timer when the county's approval passes its due date, cleared by its decision
  overdue_since       timestamp,
  approved_at         timestamp,
  created_by          varchar(64)  not null,
  created_at          timestamp    not null,
  updated_at          timestamp    not null
);
create index app_duty_request_county_idx on app_duty_request (county_code, status);
create index app_duty_request_city_idx on app_duty_request (city_code);
create index app_duty_request_province_idx on app_duty_request (province_code, status);

-- Every submitted version is kept, never overwritten (forms: comma-separated ShiftedForm names).
create table app_duty_request_version (
  duty_id        varchar(36)   not null references app_duty_request (id),
  version        integer       not null,
  title          varchar(200)  not null,
  township_codes varchar(1000) not null,
  goal           varchar(1000),
  content        varchar(1000),
  authority      varchar(1000),
  division       varchar(1000),
  deadline       date,
  staff          varchar(500),
  funds          varchar(500),
  training       varchar(500),
  forms          varchar(100),
  basis_name     varchar(200),
  basis_number   varchar(60),
  basis_issuer   varchar(20),
  submitted_by   varchar(64)   not null,
  submitted_at   timestamp     not null,
  primary key (duty_id, version)
);

-- The townships the current version affects, with their opinion in the current hearing (earlier hearings: timeline).
-- A township's officials see the requests naming it; an APPROVED request is on the list of each township here.
create table app_duty_township (
  duty_id       varchar(36)  not null references app_duty_request (id),
  township_code varchar(9)   not null,
  township_name varchar(100) not null,
  position      integer      not null,
  opinion       varchar(20)  not null,
  opinion_text  varchar(2000),
  answered_by   varchar(64),
  answered_at   timestamp,
  primary key (duty_id, township_code)
);
create index app_duty_township_code_idx on app_duty_township (township_code);
