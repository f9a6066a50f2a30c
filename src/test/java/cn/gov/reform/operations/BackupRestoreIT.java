package cn.gov.reform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.ProcessKeys;
import cn.gov.reform.support.AppNodes;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.SampleFiles;

/**
 * The restore drill of README "Backup and restore", as an operator runs it: plans at every stage (validation pending,
 * at the city's review with a file attached, returned to the county, at the city's approval, filed with its number),
 * their deadline timers waiting; {@code pg_dump -Fc} of the app's database; {@code pg_restore} into a fresh database;
 * every app table (plans, versions, findings, timeline, attachments with their bytes, document numbers, audit) and the
 * engine's running state (instances, tasks, timers and other jobs, variables) compared with the original; then the app
 * started on the restored copy, where a file is downloaded with its hash and a plan is carried to its filing.
 * PostgreSQL profile only (failsafe, its own JVM).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class BackupRestoreIT {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password:}") String password;

  private String database() {
    String path = url.substring(url.lastIndexOf('/') + 1);
    return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
  }

  private String urlOf(String database) {
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  @Test
  void shouldRestoreEveryPlanTimerAndFileFromADumpAndCarryAPlanOnOnTheRestoredCopy() throws Exception {
    Http http = new Http(port);
    String run = Long.toString(System.nanoTime() % 1_000_000);
    String pending = create(http, "演练·校验中 " + run);
    String atReview = create(http, "演练·市编办审核 " + run);
    String returned = create(http, "演练·退回修改 " + run);
    String atApproval = create(http, "演练·市政府审批 " + run);
    String filed = create(http, "演练·已备案 " + run);
    for (String pi : List.of(atReview, returned, atApproval, filed)) {
      support.runJobs(pi);
    }
    byte[] file = SampleFiles.pdf();
    String planAtReview = businessKey(atReview);
    Http.Answer uploaded = http.upload("/api/records/reformPlanApproval/" + planAtReview + "/attachments", "ningyang:" + PlanFixtures.PASSWORD,
        "file", "编制测算.pdf", file, Map.of());
    assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
    String attachmentId = uploaded.json().get("id").asText();
    support.complete("taian", returned, ProcessKeys.CITY_REVIEW, Map.of("decision", "RETURN", "opinion", "请补充编制测算"));
    support.complete("taian", atApproval, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taian", filed, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taianapprover", filed, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    support.complete("shandong", filed, ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));
    support.runJobs(filed);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(atApproval).timers().count())
        .as("the city's approval waits with its deadline timers").isPositive();

    String restored = database() + "_restored";
    File dump = new File("target/restore-drill.dump");
    admin("drop database if exists \"" + restored + "\"", "create database \"" + restored + "\"");
    try {
      run("pg_dump", "-Fc", "-f", dump.getPath(), database());
      run("pg_restore", "--no-owner", "-d", restored, dump.getPath());

      Map<String, String> original = fingerprint(database());
      Map<String, String> copy = fingerprint(restored);
      assertThat(copy.keySet()).containsExactlyElementsOf(original.keySet());
      assertThat(copy).as("every table restored row for row").isEqualTo(original);
      assertThat(original).containsKeys("app_plan", "app_plan_version", "app_plan_finding", "app_audit_entry", "app_attachment",
          "app_attachment_content", "app_document", "act_ru_job", "act_ru_task");

      try (AppNodes nodes = new AppNodes()) {
        AppNodes.Node node = nodes.start("restored", "--spring.datasource.url=" + urlOf(restored));
        assertThat(node.http().get("/api/plans/" + businessKey(filed), "taian:" + PlanFixtures.PASSWORD).json().get("status").asText())
            .isEqualTo("FILED");
        var download = node.http().download("/api/records/reformPlanApproval/" + planAtReview + "/attachments/" + attachmentId,
            "taian:" + PlanFixtures.PASSWORD);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
            .isEqualTo(SampleFiles.sha256(file));

        // the validation left pending in the dump runs on the restored copy's job executor
        nodes.await("the pending validation on the restored copy", () -> task(node.http(), pending, ProcessKeys.CITY_REVIEW) != null);
        // the plan at the city's approval goes on to its filing on the restored copy
        complete(node.http(), atApproval, ProcessKeys.CITY_APPROVAL, "taianapprover");
        nodes.await("the filing task on the restored copy", () -> task(node.http(), atApproval, ProcessKeys.PROVINCE_FILING) != null);
        complete(node.http(), atApproval, ProcessKeys.PROVINCE_FILING, "shandong");
        nodes.await("the plan filed on the restored copy", () -> "FILED".equals(node.http()
            .get("/api/plans/" + businessKey(atApproval), "taian:" + PlanFixtures.PASSWORD).json().get("status").asText()));
        assertThat(node.http().get("/api/plans/" + businessKey(atApproval), "taian:" + PlanFixtures.PASSWORD).json()
            .get("filingNumber").asText()).startsWith("鲁编备〔");
      }
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(atApproval).singleResult().getTaskDefinitionKey())
          .as("the original is untouched").isEqualTo(ProcessKeys.CITY_APPROVAL);
    } finally {
      admin("drop database if exists \"" + restored + "\" with (force)");
    }
  }

  private String create(Http http, String title) {
    var p = PlanFixtures.ningyangPlan();
    Http.Answer a = http.post("/api/plans", "ningyang:" + PlanFixtures.PASSWORD,
        Http.json(new cn.gov.reform.plan.PlanRequest(title, p.planType(), p.countyCode(), p.deadline(), p.townships())));
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    return a.json().get("processInstanceId").asText();
  }

  private String businessKey(String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult() != null
        ? engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey()
        : engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
            .getBusinessKey();
  }

  private static com.fasterxml.jackson.databind.JsonNode task(Http node, String processInstanceId, String key) {
    com.fasterxml.jackson.databind.JsonNode tasks = node.get("/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + key + "&maxResults=1", "admin:" + PlanFixtures.ADMIN_PASSWORD).json();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private static void complete(Http node, String processInstanceId, String key, String worker) {
    String id = task(node, processInstanceId, key).get("id").asText();
    String auth = worker + ":" + PlanFixtures.PASSWORD;
    assertThat(node.post("/engine-rest/task/" + id + "/claim", auth, "{\"userId\":\"" + worker + "\"}").status()).isEqualTo(204);
    Http.Answer done = node.post("/engine-rest/task/" + id + "/complete", auth, key.equals(ProcessKeys.PROVINCE_FILING)
        ? "{\"variables\":{\"decision\":{\"value\":\"FILE\"}}}" : "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
    assertThat(done.status()).as(done.raw().body()).isEqualTo(204);
  }

  /** table → md5 of all its rows in a fixed order: the app's tables and the engine's running state. */
  private Map<String, String> fingerprint(String database) throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(urlOf(database), user, password)) {
      List<String> names = new ArrayList<>();
      try (var rs = c.createStatement().executeQuery("""
          select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
          and (table_name like 'app\\_%' or table_name in ('act_ru_execution', 'act_ru_task', 'act_ru_job', 'act_ru_variable',
          'act_ru_identitylink', 'act_ru_authorization', 'act_id_user', 'act_id_membership', 'act_ge_bytearray',
          'act_hi_procinst', 'act_hi_taskinst', 'act_hi_op_log')) order by table_name""")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String t : names) {
        try (var rs = c.createStatement().executeQuery("select count(*), md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), ''))"
            + " from " + t + " t")) {
          rs.next();
          tables.put(t, rs.getLong(1) + " rows " + rs.getString(2));
        }
      }
    }
    return tables;
  }

  private void admin(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(urlOf("postgres"), user, password); var s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** A PostgreSQL client tool against the same server, as the operator runs it. */
  private void run(String... command) throws IOException, InterruptedException {
    URI server = URI.create(url.substring("jdbc:".length()));
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("target/restore-drill.log"));
    b.environment().put("PGHOST", server.getHost());
    b.environment().put("PGPORT", Integer.toString(server.getPort() < 0 ? 5432 : server.getPort()));
    b.environment().put("PGUSER", user);
    b.environment().put("PGPASSWORD", password);
    Process p = b.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + " (see target/restore-drill.log)").isZero();
  }
}
