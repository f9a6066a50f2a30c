-- Assessment items (考核事项: 一票否决, 直接考核, 评比达标/示范创建; README "职责准入与考核事项"). Runs unchanged on H2 and
-- PostgreSQL. The engine carries only the request's id (business key) and small routing variables; every version (the
-- request as JSON), the townships it names and the timeline (app_audit_entry) live here.
create table app_assessment_item (
  id                  varchar(36)  not null primary key,
  title               varchar(200) not null,
  department          varchar(100) not null,
  -- VETO 一票否决, DIRECT_ASSESSMENT 直接考核, RANKING 评比达标/示范创建
  kind                varchar(20)  not null,
  county_code         varchar(6)   not null,
  city_code           varchar(6)   not null,
  province_code       varchar(6)   not null,
  -- 山东省 · 泰安市 · 宁阳县
  region_name         varchar(200) not null,
  status              varchar(20)  not null,
  current_version     integer      not null,
  process_instance_id varchar(64),
  -- set by a stage's overdue timer, cleared by the stage's decision
  overdue_since       timestamp,
  decided_at          timestamp,
  created_by          varchar(64)  not null,
  created_at          timestamp    not null,
  updated_at          timestamp    not null
);
create index app_assessment_item_county_idx on app_assessment_item (county_code, status);
create index app_assessment_item_city_idx on app_assessment_item (city_code);
create index app_assessment_item_province_idx on app_assessment_item (province_code, status);

-- Every submitted version is kept, never overwritten: the request as the department sent it (JSON).
create table app_assessment_item_version (
  item_id      varchar(36)   not null references app_assessment_item (id),
  version      integer       not null,
  content      varchar(20000) not null,
  submitted_by varchar(64)   not null,
  submitted_at timestamp     not null,
  primary key (item_id, version)
);

-- The townships the current version assesses; their officials see the item.
create table app_assessment_township (
  item_id       varchar(36)  not null references app_assessment_item (id),
  township_code varchar(9)   not null,
  township_name varchar(100) not null,
  position      integer      not null,
  primary key (item_id, township_code)
);
create index app_assessment_township_code_idx on app_assessment_township (township_code);
