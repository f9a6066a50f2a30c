package cn.gov.reform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.gov.reform.identity.ProvinceTenants;
import cn.gov.reform.identity.RegionDirectory.Region;
import cn.gov.reform.identity.RegionDirectory;

/**
 * A national reform campaign against the packaged app on PostgreSQL, driven over HTTP the way other
 * government systems and Tasklist would: every county (or the first N) files one plan covering all
 * its townships and every task of its chain is completed through engine REST by the user of the
 * right role; then, on the same engine with the same client, a bare chain of four user tasks; then
 * query latency with a loaded history; then footprint. Prints {@code name=value unit} lines and a
 * closing {@code BENCH ...} line. Run with {@code bench/run.sh}; it asserts nothing.
 */
public final class CampaignBenchmark {

  static final String PASSWORD = "Bench-pass-2026";
  static final String ADMIN_PASSWORD = "Bench-Root-2026!";
  static final ObjectMapper JSON = new ObjectMapper();

  private final Options opt;
  private final RegionDirectory regions = new RegionDirectory();
  private final Map<String, List<String[]>> townshipsByCounty = new LinkedHashMap<>();
  private final HttpClient http;
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private Process app;
  /** The port requests go to: the app's, or the vanilla baseline's while it runs. */
  private int port;

  record Options(Path jar, String dbUrl, String dbUser, int counties, int clients, int history, int openTasks,
      int openOverHttp, int port, Path logDir, String vanillaDbUrl) {}

  CampaignBenchmark(Options opt) {
    this.opt = opt;
    this.port = opt.port();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newFixedThreadPool(Math.max(2, opt.clients())))
        .build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Options opt = new Options(Path.of(a.get("jar")), a.get("db-url"), a.getOrDefault("db-user", "postgres"),
        Integer.parseInt(a.getOrDefault("counties", "0")), Integer.parseInt(a.getOrDefault("clients", "8")),
        Integer.parseInt(a.getOrDefault("history", "50000")), Integer.parseInt(a.getOrDefault("open-tasks", "10000")),
        Integer.parseInt(a.getOrDefault("open-over-http", "1000")), Integer.parseInt(a.getOrDefault("port", "18080")),
        Path.of(a.getOrDefault("log-dir", "target/bench")), a.get("vanilla-db-url"));
    Files.createDirectories(opt.logDir());
    CampaignBenchmark bench = new CampaignBenchmark(opt);
    int status = 0;
    try {
      bench.run();
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    } finally {
      bench.stopApp();
    }
    System.exit(status);
  }

  // --- the run ----------------------------------------------------------------------------------

  void run() throws Exception {
    readTownships();
    List<Region> counties = new ArrayList<>();
    for (Region c : regions.counties()) {
      if (townshipsByCounty.containsKey(c.code())) {
        counties.add(c);
      }
    }
    if (opt.counties() > 0 && opt.counties() < counties.size()) {
      counties = counties.subList(0, opt.counties());
    }
    figure("counties", counties.size(), "count");
    figure("townships", counties.stream().mapToInt(c -> townshipsByCounty.get(c.code()).size()).sum(), "count");
    figure("clients", opt.clients(), "count");

    double startEmpty = startApp("empty");
    figure("startup_empty_s", startEmpty, "s");

    Set<String> groups = new LinkedHashSet<>();
    for (Region c : counties) {
      groups.add("drafter" + c.code());
      for (String role : List.of("reviewer", "approver", "submitter")) {
        groups.add(role + c.cityCode());
      }
      for (String role : List.of("reviewer", "approver", "filer")) {
        groups.add(role + c.provinceCode());
      }
    }
    long t0 = System.nanoTime();
    parallel(new ArrayList<>(groups), this::createUser);
    figure("users_created", groups.size(), "count");
    figure("users_create_s", seconds(t0), "s");
    deployBareChain();

    // warm the JIT on the engine's common paths with bare chains (not measured)
    parallel(range(Math.min(200, Math.max(20, counties.size() / 10))), i -> { bareChain(i, new Latencies()); return null; });

    long size0 = planBytes();
    Map<String, Long> tables0 = tableBytes();
    Latencies create = new Latencies();
    Latencies complete = new Latencies();
    AtomicInteger returned = new AtomicInteger();
    Random seed = new Random(2026);
    Map<String, Boolean> breaks = new LinkedHashMap<>();
    for (Region c : counties) {
      breaks.put(c.code(), seed.nextInt(100) < 5);
    }
    figure("phase_campaign_start", System.currentTimeMillis(), "epoch_ms");
    t0 = System.nanoTime();
    List<String> outcomes = parallel(counties, c -> campaignPlan(c, breaks.get(c.code()), create, complete, returned));
    double campaignS = seconds(t0);
    figure("phase_campaign_end", System.currentTimeMillis(), "epoch_ms");
    long done = outcomes.stream().filter(s -> s.equals("FILED") || s.equals("APPROVED")).count();
    figure("campaign_s", campaignS, "s");
    figure("plans_done", done, "count");
    figure("plans_returned", returned.get(), "count");
    figure("plans_per_s", counties.size() / campaignS, "1/s");
    create.report("create");
    complete.report("complete");
    for (String s : new LinkedHashSet<>(outcomes)) {
      figure("plans_" + s.toLowerCase(Locale.ROOT), Collections.frequency(outcomes, s), "count");
    }
    long size1 = planBytes();
    figure("bytes_per_plan", done == 0 ? 0 : (size1 - size0) / done, "B");
    Map<String, Long> tables1 = tableBytes();
    tables1.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - tables0.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
        .forEach(e -> figure("bytes_per_plan_" + e.getKey(), done == 0 ? 0 : e.getValue() / done, "B"));

    Latencies bare = new Latencies();
    figure("phase_bare_start", System.currentTimeMillis(), "epoch_ms");
    t0 = System.nanoTime();
    parallel(range(counties.size()), i -> { bareChain(i, bare); return null; });
    double bareS = seconds(t0);
    figure("phase_bare_end", System.currentTimeMillis(), "epoch_ms");
    figure("bare_chains_per_s", counties.size() / bareS, "1/s");
    bare.report("bare_complete");
    figure("ratio", ((double) counties.size() / campaignS) / (counties.size() / bareS), "");

    figure("heap_mb", heapUsedMb(), "MB");

    // history and open tasks, then the queries a reviewer and an integrator make
    int openTasks = openTasks(counties);
    figure("open_tasks", openTasks, "count");
    int history = loadHistory();
    figure("history_plans", history, "count");
    queries(counties);

    stopApp();
    double startLoaded = startApp("loaded");
    figure("startup_loaded_s", startLoaded, "s");
    stopApp();

    if (opt.vanillaDbUrl() != null) {
      double vanilla = vanillaBareChains(counties.size());
      figure("vanilla_bare_chains_per_s", vanilla, "1/s");
      figure("ratio_vanilla", ((double) counties.size() / campaignS) / vanilla, "");
    }

    StringBuilder line = new StringBuilder("BENCH");
    for (String k : List.of("counties", "plans_per_s", "bare_chains_per_s", "ratio", "vanilla_bare_chains_per_s", "ratio_vanilla",
        "p95_create_ms", "p95_complete_ms", "open_tasks", "p95_task_query_ms", "p50_task_query_1client_ms",
        "p95_task_query_concentrated_ms", "p50_task_query_concentrated_1client_ms", "p95_filter_list_ms", "p95_filter_count_ms",
        "p95_plan_list_ms", "startup_s", "heap_mb", "bytes_per_plan")) {
      Object v = k.equals("startup_s") ? figures.get("startup_loaded_s") : figures.get(k);
      line.append(' ').append(k).append('=').append(format(v));
    }
    System.out.println(line);
  }

  /** One county's plan from creation to the end of its chain; returns the plan's final status. */
  String campaignPlan(Region county, boolean breaksALimit, Latencies create, Latencies complete, AtomicInteger returned)
      throws Exception {
    String drafter = user("drafter" + county.code());
    ObjectNode body = plan(county, breaksALimit);
    long t = System.nanoTime();
    JsonNode created = call("POST", "/api/plans", drafter, body.toString(), 201);
    create.add(t);
    String id = created.path("id").asText();
    String pi = created.path("processInstanceId").asText();
    for (int round = 0; round < 20; round++) {
      List<JsonNode> open = openTasksOf(pi);
      if (open.isEmpty()) {
        JsonNode plan = call("GET", "/api/plans/" + id, drafter, null, 200);
        String status = plan.path("status").asText();
        if (!status.equals("IN_REVIEW") && !status.equals("DRAFT")) {
          return status;
        }
        Thread.onSpinWait();
        Thread.sleep(5); // the validation job runs in the app's job executor
        round--;
        continue;
      }
      for (JsonNode task : open) {
        String key = task.path("taskDefinitionKey").asText();
        if (key.equals("draftPlan")) {
          returned.incrementAndGet();
          call("PUT", "/api/plans/" + id, drafter, plan(county, false).toString(), 200);
          t = System.nanoTime();
          completeAs(drafter, task.path("id").asText(), "SUBMIT");
          complete.add(t);
          continue;
        }
        String user = user(groupFor(key, county));
        String taskId = myTask(user, pi, key);
        t = System.nanoTime();
        completeAs(user, taskId, key.equals("provinceFiling") ? "FILE" : "APPROVE");
        complete.add(t);
      }
    }
    return "STUCK";
  }

  /** The bare chain: four user tasks, no listeners, no validation, no domain tables. */
  Void bareChain(int i, Latencies complete) throws Exception {
    String admin = "admin:" + ADMIN_PASSWORD;
    JsonNode started = call("POST", "/engine-rest/process-definition/key/benchBareChain/start", admin,
        "{\"businessKey\":\"bare-" + i + "-" + System.nanoTime() + "\"}", 200);
    String pi = started.path("id").asText();
    for (int step = 0; step < 4; step++) {
      List<JsonNode> open = openTasksOf(pi);
      if (open.isEmpty()) {
        throw new IllegalStateException("bare chain " + pi + " has no open task at step " + step);
      }
      long t = System.nanoTime();
      call("POST", "/engine-rest/task/" + open.get(0).path("id").asText() + "/complete", admin, "{}", 204);
      complete.add(t);
    }
    return null;
  }

  List<JsonNode> openTasksOf(String processInstanceId) throws Exception {
    JsonNode tasks = call("GET", "/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=50",
        "admin:" + ADMIN_PASSWORD, null, 200);
    List<JsonNode> list = new ArrayList<>();
    tasks.forEach(list::add);
    return list;
  }

  /** The task as its role's user sees it: a query of its own candidate tasks. */
  String myTask(String user, String processInstanceId, String key) throws Exception {
    JsonNode tasks = call("GET", "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + key
        + "&maxResults=10", user, null, 200);
    if (tasks.isEmpty()) {
      throw new IllegalStateException(user + " does not see the " + key + " task of " + processInstanceId);
    }
    return tasks.get(0).path("id").asText();
  }

  void completeAs(String user, String taskId, String decision) throws Exception {
    call("POST", "/engine-rest/task/" + taskId + "/complete", user,
        "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"}}}", 204);
  }

  static String groupFor(String taskKey, Region county) {
    return switch (taskKey) {
      case "cityReview" -> "reviewer" + county.cityCode();
      case "citySubmission" -> "submitter" + county.cityCode();
      case "cityApproval" -> "approver" + county.cityCode();
      case "provinceReview" -> "reviewer" + county.provinceCode();
      case "provinceApproval" -> "approver" + county.provinceCode();
      case "provinceFiling" -> "filer" + county.provinceCode();
      default -> throw new IllegalStateException("the campaign does not expect a " + taskKey + " task");
    };
  }

  static String user(String group) {
    return "u" + group;
  }

  // --- plans ------------------------------------------------------------------------------------

  private static final String[] BODIES = {"党政综合办公室", "党建工作办公室", "社会事务办公室", "民生保障办公室", "平安建设办公室", "综合行政执法办公室"};
  private static final String[] INSTITUTIONS = {"便民服务中心", "农业综合服务中心", "公共文化服务中心", "财经服务中心", "退役军人服务站"};

  /**
   * A plan covering all the county's townships with plausible figures inside every rule set (Shandong
   * and Jinan 5–7 bodies and 4–5 institutions with a 便民服务中心, Jinan 20–30 staff and ≥ 3 per body,
   * Gansu classes); one that breaks a limit has a township whose bodies' staff exceed its administrative
   * staffing (an ERROR in every province).
   */
  ObjectNode plan(Region county, boolean breaksALimit) {
    Random random = new Random(county.code().hashCode());
    ObjectNode plan = JSON.createObjectNode();
    plan.put("title", regions.describeCounty(county.code()) + "乡镇行政管理体制改革方案");
    plan.put("planType", "TOWNSHIP");
    plan.put("countyCode", county.code());
    plan.put("deadline", "2027-06-30");
    ArrayNode townships = plan.putArray("townships");
    boolean gansu = county.provinceCode().equals("620000");
    List<String[]> list = townshipsByCounty.get(county.code());
    for (int i = 0; i < list.size(); i++) {
      String[] t = list.get(i);
      ObjectNode o = townships.addObject();
      o.put("code", t[0]);
      o.put("name", t[1]);
      o.put("kind", t[1].endsWith("街道") ? "STREET" : t[1].endsWith("乡") ? "TOWNSHIP" : "TOWN");
      int category = 1 + random.nextInt(3);
      if (gansu) {
        o.put("category", category);
      } else {
        o.putNull("category");
      }
      o.putNull("builtUpPopulation");
      int bodies = gansu ? (category == 3 ? 4 : 5) : 5 + random.nextInt(2);
      int institutions = gansu ? 4 + (category == 1 ? random.nextInt(2) : 0) : 4 + random.nextInt(2);
      ArrayNode b = o.putArray("bodies");
      int bodyStaff = 0;
      for (int k = 0; k < bodies; k++) {
        int staff = 3 + random.nextInt(2);
        bodyStaff += staff;
        b.addObject().put("name", BODIES[k]).put("staff", staff);
      }
      ArrayNode s = o.putArray("institutions");
      int institutionStaff = 0;
      for (int k = 0; k < institutions; k++) {
        int staff = 6 + random.nextInt(8);
        institutionStaff += staff;
        s.addObject().put("name", INSTITUTIONS[k]).put("staff", staff);
      }
      int administrative = Math.max(20, Math.min(30, bodyStaff + random.nextInt(4)));
      o.put("administrativeStaff", breaksALimit && i == 0 ? bodyStaff - 2 : administrative);
      o.put("institutionalStaff", institutionStaff + random.nextInt(10));
      int leaders = 7 + random.nextInt(4);
      o.put("leadershipPositions", leaders);
      o.put("currentLeadershipPositions", leaders + random.nextInt(2));
    }
    return plan;
  }

  void readTownships() throws IOException {
    try (InputStream in = CampaignBenchmark.class.getResourceAsStream("/regions/streets.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split(",");
        if (f.length > 2) {
          townshipsByCounty.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new String[] {f[0], f[1].replace("\"", "")});
        }
      }
    }
    townshipsByCounty.values().removeIf(l -> l.size() > 200);
  }

  // --- identity and the bare chain --------------------------------------------------------------

  Void createUser(String group) throws Exception {
    String id = user(group);
    String admin = "admin:" + ADMIN_PASSWORD;
    ObjectNode body = JSON.createObjectNode();
    body.putObject("profile").put("id", id).put("firstName", "测试").put("lastName", "用户").put("email", id + "@example.invalid");
    body.putObject("credentials").put("password", PASSWORD);
    call("POST", "/engine-rest/user/create", admin, body.toString(), 204);
    call("PUT", "/engine-rest/group/" + group + "/members/" + id, admin, null, 204);
    return null;
  }

  void deployBareChain() throws Exception {
    byte[] bpmn;
    try (InputStream in = CampaignBenchmark.class.getResourceAsStream("/bench/benchBareChain.bpmn")) {
      bpmn = in.readAllBytes();
    }
    String boundary = "----bench" + System.nanoTime();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"benchBareChain.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[headBytes.length + bpmn.length + tail.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(bpmn, 0, all, headBytes.length, bpmn.length);
    System.arraycopy(tail, 0, all, headBytes.length + bpmn.length, tail.length);
    HttpRequest req = HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
        .header("Authorization", basic("admin:" + ADMIN_PASSWORD))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("deploying the bare chain: " + r.statusCode() + " " + r.body());
    }
  }

  // --- history, open tasks, queries -------------------------------------------------------------

  /** Plans left waiting at their first stage, about the campaign's open-task load; created over HTTP. */
  int openTasks(List<Region> counties) throws Exception {
    int n = Math.min(opt.openTasks(), opt.openOverHttp());
    Latencies create = new Latencies();
    long t0 = System.nanoTime();
    parallel(range(n), i -> {
      Region county = counties.get(i % counties.size());
      long t = System.nanoTime();
      call("POST", "/api/plans", user("drafter" + county.code()), plan(county, false).toString(), 201);
      create.add(t);
      return null;
    });
    figure("open_plans_per_s", n / seconds(t0), "1/s");
    create.report("open_create");
    // wait until their validation jobs have run
    try (Connection db = db()) {
      for (int i = 0; i < 6000 && count(db, "select count(*) from act_ru_job where type_ = 'message'") > 0; i++) {
        Thread.sleep(50);
      }
    }
    return copyOpenPlans(opt.openTasks());
  }

  private static final Set<String> RUNTIME_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "parent_id_", "super_exec_", "act_inst_id_", "task_id_", "parent_task_id_");

  /**
   * Open tasks up to the requested number: the waiting plans' process instances copied in the database with new
   * ids — executions, tasks, candidate links and each task's grants, the rows the task queries read — so a
   * national load of open tasks is there in seconds (over HTTP it takes ~9 plans a second). Copies are never
   * completed; they carry no variables or jobs. Then ANALYZE, as an operator would after an import.
   */
  int copyOpenPlans(int wanted) throws SQLException {
    try (Connection db = db(); Statement st = db.createStatement()) {
      db.setAutoCommit(false);
      st.execute("create temp table bench_open as select distinct proc_inst_id_ from act_ru_task");
      long instances = count(db, "select count(*) from bench_open");
      long have = count(db, "select count(*) from act_ru_task");
      long t0 = System.nanoTime();
      for (int copy = 1; have < wanted && instances > 0; copy++) {
        double perInstance = Math.max(1.0, (double) count(db, "select count(*) from act_ru_task where proc_inst_id_ in (select proc_inst_id_ from bench_open)") / instances);
        long take = Math.min(instances, (long) Math.ceil((wanted - have) / perInstance));
        String prefix = String.format("r%03d", copy);
        st.execute("drop table if exists bench_open_batch");
        st.execute("create temp table bench_open_batch as select proc_inst_id_ from bench_open order by proc_inst_id_ limit " + take);
        String tasks = "select id_ from act_ru_task where proc_inst_id_ in (select proc_inst_id_ from bench_open_batch)";
        copy(st, db, "act_ru_execution", prefix, "proc_inst_id_ in (select proc_inst_id_ from bench_open_batch)", RUNTIME_IDS);
        copy(st, db, "act_ru_task", prefix, "proc_inst_id_ in (select proc_inst_id_ from bench_open_batch)", RUNTIME_IDS);
        copy(st, db, "act_ru_identitylink", prefix, "task_id_ in (" + tasks + ")", RUNTIME_IDS);
        st.executeUpdate("insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_) "
            + "select '" + prefix + "' || id_, rev_, type_, group_id_, user_id_, resource_type_, '" + prefix + "' || resource_id_, perms_ "
            + "from act_ru_authorization where resource_type_ = 7 and resource_id_ in (" + tasks + ")");
        db.commit();
        have = count(db, "select count(*) from act_ru_task");
      }
      figure("open_tasks_copy_s", seconds(t0), "s");
      st.execute("analyze");
      db.commit();
      return (int) have;
    }
  }

  /**
   * Completed plans up to the requested history: the campaign's finished plans copied in the database
   * with new ids (engine history act_hi_* and the app's plan, version, finding and timeline rows), so
   * the queries below run against the row counts of a long-running system. Driving tens of thousands
   * more plans over HTTP would measure the same thing as the campaign, only longer.
   */
  int loadHistory() throws SQLException {
    try (Connection db = db(); Statement st = db.createStatement()) {
      db.setAutoCommit(false);
      st.execute("create temp table bench_done as select id, process_instance_id from app_plan where status in ('FILED','APPROVED')");
      long base = count(db, "select count(*) from bench_done");
      long have = count(db, "select count(*) from app_plan where status in ('FILED','APPROVED')");
      if (base == 0) {
        return (int) have;
      }
      List<String> histTables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = current_schema() "
          + "and table_name like 'act_hi_%' order by table_name")) {
        while (rs.next()) {
          histTables.add(rs.getString(1));
        }
      }
      long t0 = System.nanoTime();
      for (int copy = 1; have < opt.history(); copy++) {
        String prefix = String.format("h%03d", copy);
        long take = Math.min(base, opt.history() - have);
        st.execute("drop table if exists bench_batch");
        st.execute("create temp table bench_batch as select * from bench_done order by id limit " + take);
        copy(st, db, "app_plan", prefix, "id in (select id from bench_batch)", Set.of("process_instance_id", "filing_number"));
        copy(st, db, "app_plan_version", prefix, "plan_id in (select id from bench_batch)", Set.of());
        copy(st, db, "app_plan_finding", prefix, "plan_id in (select id from bench_batch)", Set.of());
        copy(st, db, "app_audit_entry", prefix, "subject_id in (select id from bench_batch)", Set.of("task_id"));
        for (String table : histTables) {
          Set<String> columns = columns(db, table);
          String filter = columns.contains("proc_inst_id_") ? "proc_inst_id_"
              : columns.contains("root_proc_inst_id_") ? "root_proc_inst_id_" : null;
          if (filter != null) {
            copy(st, db, table, prefix, filter + " in (select process_instance_id from bench_batch)", HISTORY_IDS);
          }
        }
        db.commit();
        have += take;
      }
      figure("history_load_s", seconds(t0), "s");
      st.execute("analyze");
      db.commit();
      return (int) have;
    }
  }

  private static final Set<String> HISTORY_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "act_inst_id_", "parent_act_inst_id_", "task_id_", "business_key_", "call_proc_inst_id_", "super_process_instance_id_",
      "var_inst_id_", "dec_inst_id_", "root_dec_inst_id_", "job_id_", "operation_id_", "case_inst_id_", "case_execution_id_",
      "start_act_inst_id_");

  /** INSERT … SELECT of a table's rows with the id columns given a copy prefix (same length, still unique). */
  static void copy(Statement st, Connection db, String table, String prefix, String where, Set<String> idColumns) throws SQLException {
    List<String> cols = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    for (String c : columns(db, table)) {
      if (c.equals("id") && !table.equals("app_plan")) {
        continue; // generated identity
      }
      cols.add(c);
      // plan ids (random UUIDs, 36 characters wide in app_plan) keep their width; engine ids get the prefix in front
      boolean planId = (c.equals("id") && table.equals("app_plan")) || c.equals("plan_id") || c.equals("subject_id") || c.equals("business_key_");
      exprs.add(planId ? "'" + prefix + "' || substr(" + c + ", 5)" : idColumns.contains(c) ? "'" + prefix + "' || " + c : c);
    }
    st.executeUpdate("insert into " + table + " (" + String.join(",", cols) + ") select " + String.join(",", exprs)
        + " from " + table + " where " + where);
  }

  static Set<String> columns(Connection db, String table) throws SQLException {
    Set<String> cols = new LinkedHashSet<>();
    try (ResultSet rs = db.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        cols.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return cols;
  }

  void queries(List<Region> counties) throws Exception {
    List<String> cities = new ArrayList<>(new LinkedHashSet<>(counties.stream().map(Region::cityCode).toList()));
    List<String> planIds = new ArrayList<>();
    try (Connection db = db(); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select id from app_plan order by id limit 5000")) {
      while (rs.next()) {
        planIds.add(rs.getString(1));
      }
    }
    int samples = 2000;
    Random random = new Random(7);
    List<Integer> pick = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      pick.add(random.nextInt(1 << 20));
    }
    // warm-up
    parallel(range(200), i -> {
      String city = cities.get(pick.get(i) % cities.size());
      call("GET", "/engine-rest/task?candidateGroup=reviewer" + city + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15",
          user("reviewer" + city), null, 200);
      return null;
    });
    Latencies task = new Latencies();
    parallel(range(samples), i -> {
      String city = cities.get(pick.get(i) % cities.size());
      long t = System.nanoTime();
      call("GET", "/engine-rest/task?candidateGroup=reviewer" + city + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15",
          user("reviewer" + city), null, 200);
      task.add(t);
      return null;
    });
    task.report("task_query");
    // the same query by one reviewer alone: what a single official waits, without seven others on two cores
    Latencies single = new Latencies();
    for (int i = 0; i < 300; i++) {
      String city = cities.get(pick.get(i) % cities.size());
      long t = System.nanoTime();
      call("GET", "/engine-rest/task?candidateGroup=reviewer" + city + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15",
          user("reviewer" + city), null, 200);
      single.add(t);
    }
    single.report("task_query_1client");
    // the same as Tasklist asks it: 我的待办's page (HAL, with its embedded process definitions) and its count
    String myTasks = myTasksFilter(user("reviewer" + cities.get(0)));
    Latencies filterList = new Latencies();
    Latencies filterCount = new Latencies();
    parallel(range(samples), i -> {
      String reviewer = user("reviewer" + cities.get(pick.get(i) % cities.size()));
      long t = System.nanoTime();
      if (i % 2 == 0) {
        call("POST", "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=15", reviewer, "{}", 200,
            "application/hal+json");
        filterList.add(t);
      } else {
        call("GET", "/engine-rest/filter/" + myTasks + "/count", reviewer, null, 200);
        filterCount.add(t);
      }
      return null;
    });
    filterList.report("filter_list");
    filterCount.report("filter_count");
    // Cockpit's processes page as a province's supervisor: definitions with their instance statistics
    String supervised = counties.get(0).provinceCode();
    ensureUser("supervisor" + supervised);
    Latencies cockpit = new Latencies();
    parallel(range(samples / 4), i -> {
      long t = System.nanoTime();
      call("GET", i % 2 == 0 ? "/engine-rest/process-definition/statistics?rootIncidents=true"
          : "/engine-rest/process-definition?latestVersion=true&sortBy=name&sortOrder=asc&firstResult=0&maxResults=50",
          user("supervisor" + supervised), null, 200);
      cockpit.add(t);
      return null;
    });
    cockpit.report("cockpit_definitions");
    Latencies list = new Latencies();
    String[] statuses = {"FILED", "IN_REVIEW", "APPROVED"};
    parallel(range(samples), i -> {
      String city = cities.get(pick.get(i) % cities.size());
      String province = regions.city(city).map(Region::provinceCode).orElseThrow();
      long t = System.nanoTime();
      call("GET", "/api/plans?cityCode=" + city + "&status=" + statuses[i % 3] + "&page=0&size=20",
          user("reviewer" + province), null, 200);
      list.add(t);
      return null;
    });
    list.report("plan_list");
    Latencies one = new Latencies();
    parallel(range(samples), i -> {
      String id = planIds.get(pick.get(i) % planIds.size());
      long t = System.nanoTime();
      call("GET", "/api/plans/" + id, "admin:" + ADMIN_PASSWORD, null, 200);
      one.add(t);
      return null;
    });
    one.report("plan_get");
    concentrated(cities, samples);
  }

  /**
   * The open tasks regrouped as a campaign concentrates them: 2,000 at one provincial 编办 (吉林省, whose plans it
   * reviews itself), 300 at each of the campaign's first city 编办s, the rest where they were; then the
   * reviewers' queries again (ANALYZE first).
   */
  void concentrated(List<String> cities, int samples) throws Exception {
    String provincial = "reviewer220000";
    ensureUser(provincial);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      groups.add(provincial);
    }
    List<String> busyCities = new ArrayList<>();
    try (Connection db = db(); Statement st = db.createStatement()) {
      long open = count(db, "select count(*) from act_ru_identitylink where type_ = 'candidate' and group_id_ is not null");
      for (String city : cities) {
        if (groups.size() + 300 > open) {
          break;
        }
        busyCities.add(city);
        for (int i = 0; i < 300; i++) {
          groups.add("reviewer" + city);
        }
      }
      db.setAutoCommit(false);
      st.execute("create temp table bench_regroup (task_id_ varchar(64), group_id_ varchar(255), tenant_id_ varchar(64))");
      List<String> taskIds = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select task_id_ from act_ru_identitylink where type_ = 'candidate' and group_id_ is not null "
          + "order by task_id_ limit " + groups.size())) {
        while (rs.next()) {
          taskIds.add(rs.getString(1));
        }
      }
      try (var insert = db.prepareStatement("insert into bench_regroup values (?, ?, ?)")) {
        for (int i = 0; i < taskIds.size(); i++) {
          String group = groups.get(i);
          insert.setString(1, taskIds.get(i));
          insert.setString(2, group);
          insert.setString(3, ProvinceTenants.of(group.substring(group.length() - 6)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      st.executeUpdate("update act_ru_identitylink l set group_id_ = m.group_id_, tenant_id_ = m.tenant_id_ from bench_regroup m "
          + "where l.task_id_ = m.task_id_ and l.type_ = 'candidate' and l.group_id_ is not null");
      st.executeUpdate("update act_ru_authorization a set group_id_ = m.group_id_ from bench_regroup m "
          + "where a.resource_type_ = 7 and a.resource_id_ = m.task_id_ and a.group_id_ is not null");
      st.executeUpdate("update act_ru_task t set tenant_id_ = m.tenant_id_ from bench_regroup m where t.id_ = m.task_id_");
      db.commit();
      st.execute("analyze");
      db.commit();
      figure("concentrated_provincial_tasks", count(db, "select count(*) from act_ru_identitylink where group_id_ = '" + provincial + "'"), "count");
      figure("concentrated_city_groups", busyCities.size(), "count");
    }
    String query = "?sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15&candidateGroup=";
    parallel(range(100), i -> call("GET", "/engine-rest/task" + query + provincial, user(provincial), null, 200));
    Latencies single = new Latencies();
    for (int i = 0; i < 300; i++) {
      long t = System.nanoTime();
      call("GET", "/engine-rest/task" + query + provincial, user(provincial), null, 200);
      single.add(t);
    }
    single.report("task_query_concentrated_1client");
    Latencies busy = new Latencies();
    Latencies provincialCount = new Latencies();
    String myTasks = myTasksFilter(user(provincial));
    parallel(range(samples), i -> {
      // half the calls are the province's, half its busiest cities'
      String group = i % 2 == 0 || busyCities.isEmpty() ? provincial : "reviewer" + busyCities.get(i % busyCities.size());
      long t = System.nanoTime();
      call("GET", "/engine-rest/task" + query + group, user(group), null, 200);
      busy.add(t);
      if (i % 10 == 0) {
        t = System.nanoTime();
        call("GET", "/engine-rest/filter/" + myTasks + "/count", user(provincial), null, 200);
        provincialCount.add(t);
      }
      return null;
    });
    busy.report("task_query_concentrated");
    provincialCount.report("filter_count_concentrated");
  }

  /** The id of Tasklist's shared 我的待办 filter, as a user sees it. */
  String myTasksFilter(String user) throws Exception {
    for (JsonNode f : call("GET", "/engine-rest/filter?resourceType=Task&maxResults=50", user, null, 200)) {
      if (f.path("name").asText().equals("我的待办")) {
        return f.path("id").asText();
      }
    }
    throw new IllegalStateException(user + " sees no 我的待办 filter");
  }

  /** A user in the group unless one exists. */
  void ensureUser(String group) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/engine-rest/user/" + user(group) + "/profile"))
        .header("Authorization", basic("admin:" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 404) {
      createUser(group);
    }
  }

  /**
   * The baseline: Camunda with its defaults ({@link cn.gov.reform.bench.vanilla.VanillaCamunda}) on its own fresh
   * database, the same bare chain driven through engine REST by the same client; chains per second.
   */
  double vanillaBareChains(int chains) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Duser.timezone=Asia/Shanghai", "-cp", System.getProperty("java.class.path"),
        "cn.gov.reform.bench.vanilla.VanillaCamunda", "--spring.config.location=classpath:/bench/vanilla.yml",
        "--server.port=" + (opt.port() + 1), "--spring.datasource.url=" + opt.vanillaDbUrl(),
        "--spring.datasource.username=" + opt.dbUser());
    pb.redirectErrorStream(true);
    pb.redirectOutput(opt.logDir().resolve("app-vanilla.log").toFile());
    port = opt.port() + 1;
    app = pb.start();
    try {
      long t0 = System.nanoTime();
      waitForHealth("vanilla");
      figure("vanilla_startup_s", seconds(t0), "s");
      deployBareChain();
      parallel(range(Math.min(200, Math.max(20, chains / 10))), i -> { bareChain(i, new Latencies()); return null; });
      Latencies complete = new Latencies();
      t0 = System.nanoTime();
      parallel(range(chains), i -> { bareChain(i, complete); return null; });
      double s = seconds(t0);
      complete.report("vanilla_complete");
      return chains / s;
    } finally {
      stopApp();
      port = opt.port();
    }
  }

  // --- the app process --------------------------------------------------------------------------

  double startApp(String label) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
        "-jar", opt.jar().toString(), "--spring.profiles.active=postgres", "--server.port=" + opt.port(),
        "--app.demo-data=false", "--spring.datasource.url=" + opt.dbUrl(), "--spring.datasource.username=" + opt.dbUser());
    pb.environment().put("APP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    pb.redirectErrorStream(true);
    pb.redirectOutput(opt.logDir().resolve("app-" + label + ".log").toFile());
    long t0 = System.nanoTime();
    app = pb.start();
    waitForHealth(label);
    return seconds(t0);
  }

  void waitForHealth(String label) throws Exception {
    while (true) {
      if (!app.isAlive()) {
        throw new IllegalStateException("the app stopped during startup; see " + opt.logDir().resolve("app-" + label + ".log"));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
  }

  void stopApp() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroy();
      app.waitFor();
    }
  }

  /** Heap in use after a full collection, read with jcmd from the app's JVM. */
  double heapUsedMb() throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, String.valueOf(app.pid()), "GC.run");
    String info = run(jcmd, String.valueOf(app.pid()), "GC.heap_info");
    var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
  }

  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  // --- plumbing ---------------------------------------------------------------------------------

  Connection db() throws SQLException {
    return DriverManager.getConnection(opt.dbUrl(), opt.dbUser(), "");
  }

  static long count(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Bytes of engine history and the app's tables (with their indexes and TOAST). */
  long planBytes() throws SQLException {
    try (Connection db = db()) {
      return count(db, "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
          + "where n.nspname = current_schema() and c.relkind = 'r' and (c.relname like 'act_hi_%' or c.relname like 'app_%' or c.relname = 'act_ge_bytearray')");
    }
  }

  Map<String, Long> tableBytes() throws SQLException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (Connection db = db(); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            + "where n.nspname = current_schema() and c.relkind = 'r' and (c.relname like 'act_%' or c.relname like 'app_%')")) {
      while (rs.next()) {
        sizes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return sizes;
  }

  JsonNode call(String method, String path, String user, String body, int expected) throws Exception {
    return call(method, path, user, body, expected, "application/json");
  }

  /** A call with the Accept header Tasklist sends (application/hal+json for a filter's page). */
  JsonNode call(String method, String path, String user, String body, int expected, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Accept", accept)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Authorization", basic(user.contains(":") ? user : user + ":" + PASSWORD));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " as " + user.replaceAll(":.*", "") + " → " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  interface Work<T, R> {
    R apply(T t) throws Exception;
  }

  /** Runs the work over the items with the configured number of concurrent clients, in order of the items. */
  <T, R> List<R> parallel(List<T> items, Work<T, R> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(opt.clients());
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit((Callable<R>) () -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  void figure(String name, Object value, String unit) {
    figures.put(name, value);
    System.out.println(name + "=" + format(value) + (unit.isEmpty() ? "" : " " + unit));
  }

  static String format(Object v) {
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
    }
    return String.valueOf(v);
  }

  /** Request latencies of one kind; reports p50/p95/p99 in ms. */
  final class Latencies {
    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    void add(long startNanos) {
      nanos.add(System.nanoTime() - startNanos);
    }

    void report(String name) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return;
      }
      IntFunction<Double> at = p -> sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
      figure("p50_" + name + "_ms", at.apply(50), "ms");
      figure("p95_" + name + "_ms", at.apply(95), "ms");
      figure("p99_" + name + "_ms", at.apply(99), "ms");
    }
  }
}
