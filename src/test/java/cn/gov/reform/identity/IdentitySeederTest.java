package cn.gov.reform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first start writes every role group of the reference data with its grants and its province's tenant
 * membership in a handful of batched statements (one per table), not one engine command per row; how long that
 * takes is measured in README "Run and test", not here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentitySeederTest {

  @Autowired IdentitySeeder seeder;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void shouldWriteEveryRoleGroupWithItsGrantsAndTenantInAFewBatchedStatements() {
    IdentitySeeder.Seeding seeding = seeder.lastSeeding();
    int wanted = seeder.wantedGroups().size();
    assertThat(seeding.wanted()).isEqualTo(wanted).isGreaterThan(4000);
    assertThat(seeding.statements()).as("one batch per table: groups, grants, tenants, memberships").isLessThanOrEqualTo(4);

    // every seeded group; beside them only on-demand groups other tests of the suite made (townships, county bodies)
    java.util.List<String> groups = jdbc.queryForList("select ID_ from ACT_ID_GROUP where TYPE_ = '审批岗位'", String.class);
    assertThat(groups).containsAll(seeder.wantedGroups().keySet());
    assertThat(groups.stream().filter(g -> !seeder.wantedGroups().containsKey(g))).as("groups made on demand")
        .allMatch(g -> Role.parse(g).map(m -> !m.role().seeded() || m.role() == Role.SUPERVISOR).orElse(false));
    assertThat(count("select count(*) from ACT_ID_TENANT_MEMBER where GROUP_ID_ is not null")).isGreaterThanOrEqualTo(wanted);
    assertThat(count("select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = 0 and USER_ID_ = '*' and RESOURCE_TYPE_ = 0"
        + " and RESOURCE_ID_ = 'tasklist'")).as("every official may use Tasklist: one global grant, not one per group").isEqualTo(1);
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("reviewer370900"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        "tasklist")).isTrue();

    // what the engine then makes of the rows: a county drafter may start plans, a city reviewer may not
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("drafter370921"),
        org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "reformPlanApproval")).isTrue();
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("reviewer370900"),
        org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "reformPlanApproval")).isFalse();
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("supervisor370000"),
        org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.TASK))
        .as("a province's supervisor reads its tasks in Cockpit").isTrue();
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("reviewer370900"),
        org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.TASK)).isFalse();
    assertThat(seeder.lastSeeding().grants()).as("grants of the first start: only what a role adds (drafters start two procedures)")
        .isLessThan(wanted).isGreaterThan(2_900 * 2);
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("reviewer370900"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        "cockpit")).as("Cockpit only for supervisors").isFalse();
    assertThat(engine.getIdentityService().createTenantQuery().groupMember("reviewer370900").singleResult().getId())
        .isEqualTo("370000");
    assertThat(engine.getIdentityService().createGroupQuery().groupId("drafter370921").singleResult().getName())
        .isEqualTo("山东省泰安市宁阳县（方案起草）");
  }

  @Test
  void shouldGiveEveryCountyItsJusticeBureauAndItsGovernmentAsRoleGroups() {
    var identity = engine.getIdentityService();
    long counties = seeder.wantedGroups().keySet().stream().filter(g -> g.startsWith("drafter")).count();
    assertThat(counties).isGreaterThan(2_900);
    assertThat(seeder.wantedGroups().keySet().stream().filter(g -> g.startsWith("legal")).count()).isEqualTo(counties);
    assertThat(seeder.wantedGroups().keySet().stream().filter(g -> g.startsWith("countygov")).count()).isEqualTo(counties);
    assertThat(identity.createGroupQuery().groupId("legal370921").singleResult().getName()).isEqualTo("山东省泰安市宁阳县司法局（法律审核）");
    assertThat(identity.createGroupQuery().groupId("countygov621121").singleResult().getName())
        .isEqualTo("甘肃省定西市通渭县党委、政府（审批）");
    assertThat(identity.createTenantQuery().groupMember("countygov370921").singleResult().getId()).isEqualTo("370000");
    for (String group : java.util.List.of("legal370921", "countygov370921")) {
      assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of(group),
          org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION,
          "tasklist")).as(group + " uses Tasklist").isTrue();
      assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of(group),
          org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
          org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "reformPlanApproval")).as(group).isFalse();
    }
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("drafter370921"),
        org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "powerCatalogueApproval"))
        .as("a county's drafters start its power catalogues").isTrue();
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("legal370921"),
        org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "powerCatalogueApproval")).isTrue();
    assertThat(Role.parse("countygov370921")).contains(new Role.Membership(Role.COUNTY_GOVERNMENT, "370921"));
    assertThat(Role.parse("legal370921")).contains(new Role.Membership(Role.LEGAL, "370921"));
    assertThat(Jurisdiction.of("ningyanglegal", java.util.List.of("legal370921")).canSee("370921", "370900", "370000")).isTrue();
    assertThat(Jurisdiction.of("ningyanglegal", java.util.List.of("legal370921")).canDraftFor("370921")).isFalse();
  }

  @Autowired RoleGroups roleGroups;

  @Test
  void shouldCreateATownshipsGroupOnDemandWithItsNameAndProvinceOnce() {
    var identity = engine.getIdentityService();
    assertThat(identity.createGroupQuery().groupId("township370921206").count()).as("not seeded").isZero();
    assertThat(seeder.wantedGroups()).doesNotContainKey("orgdept370921");

    assertThat(roleGroups.ensure("township370921206")).contains("山东省泰安市宁阳县乡饮乡党委");
    assertThat(roleGroups.ensure("township370921206")).contains("山东省泰安市宁阳县乡饮乡党委");
    assertThat(roleGroups.ensure("orgdept621121")).contains("甘肃省定西市通渭县委组织部（借调审批）");

    assertThat(identity.createGroupQuery().groupId("township370921206").count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().groupMember("township370921206").singleResult().getId()).isEqualTo("370000");
    assertThat(identity.createTenantQuery().groupMember("orgdept621121").singleResult().getId()).isEqualTo("620000");
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", java.util.List.of("township370921206"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        "tasklist")).isTrue();

    assertThat(roleGroups.ensure("township370921999")).as("no such township").isEmpty();
    assertThat(roleGroups.ensure("township3709211")).isEmpty();
    assertThat(roleGroups.ensure("orgdept370921109")).as("a county role with a township code").isEmpty();
    assertThat(roleGroups.ensure("camunda-admin")).isEmpty();
    assertThat(roleGroups.ensure("unitbb370100", "济南市编办（督查责任单位）")).contains("济南市编办（督查责任单位）");
    assertThat(identity.createGroupQuery().groupId("unitbb370100").singleResult().getName()).isEqualTo("济南市编办（督查责任单位）");
    assertThat(Role.parse("unitbb370100")).contains(new Role.Membership(Role.UNIT, "370100"));
    assertThat(Role.parse("deptfgw220000")).contains(new Role.Membership(Role.DEPARTMENT, "220000"));
    assertThat(Role.parse("countydept370921")).contains(new Role.Membership(Role.COUNTY_DEPARTMENT, "370921"));

    Jurisdiction township = Jurisdiction.of("ciyao", java.util.List.of("township370921109"));
    assertThat(township.canSee("370921", "370900", "370000")).as("not the county's other items").isFalse();
    assertThat(township.canSeeTownship(java.util.List.of("370921109"), "370921", "370900", "370000")).isTrue();
    assertThat(township.canSeeTownship(java.util.List.of("370921100"), "370921", "370900", "370000")).isFalse();
    java.util.List<Object> args = new java.util.ArrayList<>();
    assertThat(township.sqlScope("s", args)).as("tables without townships show it nothing").isNull();
    assertThat(township.sqlScope("s", args, "s.township_code = ?")).isEqualTo("(s.township_code = ?)");
    assertThat(args).containsExactly("370921109");
  }

  @Test
  void shouldGiveASharedFilterOfAnEarlierVersionItsListVariablesOnTheNextStart() {
    var filters = engine.getFilterService();
    var mine = filters.createFilterQuery().filterName(IdentitySeeder.FILTER_MY_TASKS).singleResult();
    java.util.Map<String, Object> older = new java.util.HashMap<>(mine.getProperties());
    older.remove("variables");
    filters.saveFilter(mine.setProperties(older));

    seeder.seed();

    var again = filters.createFilterQuery().filterName(IdentitySeeder.FILTER_MY_TASKS).singleResult();
    assertThat(again.getId()).isEqualTo(mine.getId());
    assertThat(again.getProperties()).containsEntry("variables",
        java.util.List.of(java.util.Map.of("name", cn.gov.reform.engine.DerivedFormTexts.SUBJECT_LABEL, "label", "办理事项")))
        .containsEntry("description", "本人所在岗位的待办任务");
    assertThat(filters.createFilterQuery().filterName(IdentitySeeder.FILTER_MY_TASKS).count()).isEqualTo(1);
  }
}
