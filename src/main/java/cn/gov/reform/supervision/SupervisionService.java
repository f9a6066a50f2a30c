package cn.gov.reform.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Procedures;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.RoleGroups;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.IdempotentRequests;

/**
 * The only writer of the supervision's state: launching a campaign, giving out its work (one process instance per task,
 * unit, region and year), opening a yearly round, and every report, acceptance, return and 督办 on a piece of work, each
 * with its timeline entry (subject type {@value SupervisionKeys#PROCESS}: a campaign's entries under its id, a piece of
 * work's under the work's).
 */
@Service
public class SupervisionService {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisionService.class);

  private final SupervisionRepository repository;
  private final TaskLists lists;
  private final WorkPlanner planner;
  private final RegionDirectory regions;
  private final RoleGroups roleGroups;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final Procedures procedures;
  private final IdempotentRequests idempotent;
  private final WorkingDayCalendar calendar;
  private final SupervisionProperties properties;
  private final ObjectMapper json;
  private final SystemAccess system;

  SupervisionService(SupervisionRepository repository, TaskLists lists, WorkPlanner planner, RegionDirectory regions,
      RoleGroups roleGroups, RuntimeService runtime, AuditTrail audit, Procedures procedures, IdempotentRequests idempotent,
      WorkingDayCalendar calendar, SupervisionProperties properties, ObjectMapper json, SystemAccess system) {
    this.system = system;
    this.repository = repository;
    this.lists = lists;
    this.planner = planner;
    this.regions = regions;
    this.roleGroups = roleGroups;
    this.runtime = runtime;
    this.audit = audit;
    this.procedures = procedures;
    this.idempotent = idempotent;
    this.calendar = calendar;
    this.properties = properties;
    this.json = json;
  }

  record Launched(String campaignId, boolean replayed) {}

  /**
   * Registers the campaign and starts it, in one transaction: its work is given out before the answer (a campaign that
   * cannot be launched leaves nothing behind). With an {@code Idempotency-Key}, the same request again answers as the
   * first did.
   */
  Launched launch(LaunchRequest request, String idempotencyKey, Jurisdiction caller, List<String> callerGroups) {
    IdempotentRequests.Outcome outcome = idempotent.create(SupervisionKeys.PROCESS, idempotencyKey, caller.userId(),
        write(request), id -> {
          Campaign c = register(id, request, caller, callerGroups);
          runtime.createProcessInstanceByKey(SupervisionKeys.PROCESS).businessKey(id)
              .setVariable(SupervisionKeys.VAR_CAMPAIGN_ID, id).setVariable(SupervisionKeys.VAR_PROVINCE, c.provinceCode())
              .execute();
        });
    return new Launched(outcome.id(), outcome.replayed());
  }

  /** Checks the request and stores the campaign (for the API and for Tasklist's start form). */
  Campaign register(String id, LaunchRequest request, Jurisdiction caller, List<String> callerGroups) {
    List<FieldError> errors = new ArrayList<>();
    TaskList list = request.taskListId() == null ? null : lists.of(request.taskListId()).orElse(null);
    if (list == null) {
      errors.add(new FieldError("taskListId", "应为 " + String.join("、", lists.all().stream().map(TaskList::id).toList())
          + " 之一"));
    }
    String region = request.regionCode();
    if (region == null || !region.matches("[0-9]{6}")) {
      errors.add(new FieldError("regionCode", "应为6位行政区划代码"));
      region = null;
    } else if (list != null && !covers(list.region(), region)) {
      errors.add(new FieldError("regionCode", list.shortName() + "的任务分工适用于" + name(list.region()) + "（" + list.region()
          + "）及其所辖地区，" + region + " 不在其中"));
    }
    if (request.year() != null && (request.year() < 2000 || request.year() > 2100)) {
      errors.add(new FieldError("year", "应为2000—2100年"));
    }
    if (request.reportEvery() != null && (request.reportEvery() < 1 || request.reportEvery() > properties.maxReportEvery())) {
      errors.add(new FieldError("reportEvery", "应为1—" + properties.maxReportEvery() + "个工作日"));
    }
    Set<String> tasks = new LinkedHashSet<>();
    if (list != null) {
      if (request.taskNos() == null || request.taskNos().isEmpty()) {
        list.tasks().forEach(t -> tasks.add(t.no()));
      } else if (request.taskNos().size() > list.tasks().size()) {
        errors.add(new FieldError("taskNos", "最多" + list.tasks().size() + "项"));
      } else {
        for (int i = 0; i < request.taskNos().size(); i++) {
          String no = request.taskNos().get(i);
          if (no == null || list.task(no).isEmpty() || !tasks.add(no)) {
            errors.add(new FieldError("taskNos[" + i + "]", "应为清单中的任务序号（" + String.join("、",
                list.tasks().stream().map(TaskList.Item::no).toList()) + "），且不重复"));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new SupervisionInputException(errors);
    }
    String supervisor = supervisorGroup(list, region, callerGroups).orElseThrow(() -> new AccessRefusedException(
        "只有覆盖" + name(request.regionCode()) + "的" + levels(list) + "督查机构（supervisor+地区代码）可以发起该清单的督查（"
            + list.supervisingSource() + "）"));
    String openKey = list.id() + ":" + region;
    repository.open(openKey).ifPresent(open -> {
      throw ApiException.conflict(name(open.regionCode()) + "已有正在进行的“" + list.title() + "”督查（" + open.id()
          + "），办结后才能再次发起");
    });
    int year = request.year() == null ? list.year() : request.year();
    TaskList shifted = list.shift(year - list.year());
    Instant now = EngineClock.now();
    String[] codes = scopeOf(region);
    Campaign c = new Campaign(id, list.id(), list.title() + "（" + regionName(region) + "，" + year + "年起）", region,
        regionName(region), codes[0], codes[1], codes[2], year, shifted.endYear(), String.join(",", tasks),
        request.reportEvery() == null ? properties.reportEvery() : request.reportEvery(), supervisor, CampaignStatus.ACTIVE,
        null, caller.userId(), now, now);
    repository.insert(c, openKey);
    roleGroups.ensure(supervisor);
    audit.record(SupervisionKeys.PROCESS, id, caller.userId(), AuditTrail.Step.of(SupervisionKeys.CAMPAIGN_STARTED, "发起督查",
        "LAUNCH").opinion(list.shortName() + "：" + tasks.size() + "项任务，督查地区" + c.regionName() + "，" + year + "年起，每"
        + c.reportEvery() + "个工作日报告一次进展").target(supervisor));
    return c;
  }

  /** The caller's supervisor group that may launch the list for the region: the nearest level the list allows. */
  private Optional<String> supervisorGroup(TaskList list, String region, List<String> groups) {
    return groups.stream().map(Role::parse).flatMap(Optional::stream).filter(m -> m.role() == Role.SUPERVISOR)
        .filter(m -> covers(m.regionCode(), region) && list.supervisingLevels().contains(level(m.regionCode())))
        .max(Comparator.comparing(m -> level(m.regionCode()).ordinal())).map(m -> m.role().group(m.regionCode()));
  }

  private static String levels(TaskList list) {
    return String.join("、", list.supervisingLevels().stream().map(l -> switch (l) {
      case PROVINCE -> "省级";
      case CITY -> "市级";
      case COUNTY -> "县级";
      case TOWNSHIP -> "乡镇";
    }).toList());
  }

  static TaskList.Level level(String code) {
    if (code.endsWith("0000")) {
      return TaskList.Level.PROVINCE;
    }
    return code.endsWith("00") ? TaskList.Level.CITY : TaskList.Level.COUNTY;
  }

  /** Whether region {@code outer} is {@code inner} or contains it (province ⊃ city ⊃ county). */
  boolean covers(String outer, String inner) {
    if (outer.equals(inner)) {
      return true;
    }
    Optional<RegionDirectory.Region> county = regions.county(inner);
    Optional<RegionDirectory.Region> city = regions.city(inner);
    return county.map(c -> c.cityCode().equals(outer) || c.provinceCode().equals(outer))
        .orElse(city.map(c -> c.provinceCode().equals(outer)).orElse(false));
  }

  /** {county, city, province} of a region code (nulls above its level); 400 for an unknown code. */
  private String[] scopeOf(String code) {
    Optional<RegionDirectory.Region> county = regions.county(code);
    if (county.isPresent()) {
      return new String[] {code, county.get().cityCode(), county.get().provinceCode()};
    }
    Optional<RegionDirectory.Region> city = regions.city(code);
    if (city.isPresent()) {
      return new String[] {null, code, city.get().provinceCode()};
    }
    if (regions.province(code).isPresent()) {
      return new String[] {null, null, code};
    }
    throw new SupervisionInputException("regionCode", "未知的行政区划代码 " + code);
  }

  String regionName(String code) {
    if (regions.county(code).isPresent()) {
      return regions.describeCounty(code);
    }
    return regions.city(code).map(c -> regions.province(c.provinceCode()).map(RegionDirectory.Region::name).orElse("") + " · "
        + c.name()).orElseGet(() -> regions.province(code).map(RegionDirectory.Region::name).orElse(code));
  }

  private String name(String code) {
    String full = regionName(code);
    return full.contains(" · ") ? full.substring(full.lastIndexOf(" · ") + 3) : full;
  }

  // --- the campaign's steps (its process instance) ------------------------------------------------------------------

  void started(String campaignId, String processInstanceId) {
    repository.setProcessInstance(campaignId, processInstanceId);
  }

  /** The task list as the campaign runs it: its dates moved to the campaign's year. */
  TaskList listOf(Campaign c) {
    TaskList list = lists.of(c.taskListId()).orElseThrow(() -> new IllegalStateException("task list " + c.taskListId()
        + " of campaign " + c.id() + " is no longer shipped"));
    return list.shift(c.year() - list.year());
  }

  /** Gives out the campaign's first work; returns the year of its next yearly round (0: none). */
  int launchWork(Campaign c) {
    TaskList list = listOf(c);
    int thisYear = calendar.today().getYear();
    List<WorkPlanner.WorkSpec> work = planner.initial(list, c.regionCode(), c.tasks(), thisYear);
    assign(c, work, null);
    return next(c, list, Math.max(thisYear, c.year() - 1));
  }

  /** Opens the yearly round of {@code year} (once); returns the year of the round after it (0: none). */
  int openRound(Campaign c, int year) {
    TaskList list = listOf(c);
    if (!repository.hasRound(c.id(), year)) {
      List<WorkPlanner.WorkSpec> work = planner.round(list, c.regionCode(), c.tasks(), year);
      assign(c, work, year);
    }
    return next(c, list, year);
  }

  private int next(Campaign c, TaskList list, int after) {
    OptionalInt next = planner.nextRound(list, c.tasks(), after);
    if (next.isEmpty()) {
      finishIfDone(c.id(), true);
    }
    return next.orElse(0);
  }

  /** The moment a yearly round opens: 1 January, 00:00 Beijing time. */
  static Date roundStart(int year) {
    return Date.from(LocalDate.of(year, 1, 1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }

  /** The moment a deadline has passed: the end of its day, Beijing time. */
  static Date deadlinePassed(LocalDate deadline) {
    return Date.from(deadline.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }

  /**
   * Stores the work and starts one process instance for each (message start {@value SupervisionKeys#WORK_MESSAGE}), the
   * groups of the units created where new, all in the campaign step's transaction.
   */
  private void assign(Campaign c, List<WorkPlanner.WorkSpec> specs, Integer round) {
    long started = System.nanoTime();
    Map<String, String> groups = new LinkedHashMap<>();
    specs.forEach(s -> groups.putIfAbsent(s.group(), s.groupName()));
    groups.forEach((group, name) -> {
      if (group.startsWith("township")) {
        roleGroups.ensure(group);
      } else {
        roleGroups.ensure(group, name);
      }
    });
    Instant now = EngineClock.now();
    List<Work> work = specs.stream().map(s -> new Work(UUID.randomUUID().toString(), c.id(), s.taskNo(), s.roundYear(),
        s.unitKey(), s.group(), s.unitName(), s.regionCode(), s.regionName(), s.countyCode(), s.cityCode(), s.provinceCode(),
        s.townshipCode(), s.deadline(), WorkStatus.IN_PROGRESS, 0, null, 0, 0, null, null, now, now)).toList();
    repository.insert(work);
    List<Object[]> instances = new ArrayList<>();
    for (Work w : work) {
      ProcessInstance pi = runtime.createMessageCorrelation(SupervisionKeys.WORK_MESSAGE).processInstanceBusinessKey(w.id())
          .setVariable(SupervisionKeys.VAR_WORK_ID, w.id()).setVariable(SupervisionKeys.VAR_PROVINCE, w.provinceCode())
          .setVariable(SupervisionKeys.VAR_CAMPAIGN_ID, c.id())
          .setVariable(SupervisionKeys.VAR_UNIT_GROUP, w.unitGroup())
          .setVariable(SupervisionKeys.VAR_SUPERVISOR_GROUP, c.supervisorGroup())
          .setVariable(SupervisionKeys.VAR_REPORT_EVERY, c.reportEvery())
          .setVariable(SupervisionKeys.VAR_DEADLINE_AT, deadlinePassed(w.deadline()))
          .correlateStartMessage();
      instances.add(new Object[] {pi.getId(), w.id()});
      audit.record(SupervisionKeys.PROCESS, w.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SupervisionKeys.WORK_STARTED,
          "下达任务", "ASSIGN").opinion("任务" + w.taskNo() + (round == null && w.roundYear() == null ? "" : "（" + w.roundYear()
          + "年度）") + "，时间节点 " + w.deadline()).target(w.unitGroup()));
    }
    repository.setProcessInstances(instances);
    audit.record(SupervisionKeys.PROCESS, c.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(round == null
        ? SupervisionKeys.LAUNCH_WORK : SupervisionKeys.OPEN_ROUND, round == null ? "下达督查任务" : "下达" + round + "年度任务",
        "ASSIGN").opinion(work.size() + "项工作，" + groups.size() + "个责任单位"));
    LOG.info("campaign {}: {} pieces of work for {} units{} in {} ms", c.id(), work.size(), groups.size(),
        round == null ? "" : " (round " + round + ")", (System.nanoTime() - started) / 1_000_000);
  }

  // --- a piece of work's steps ----------------------------------------------------------------------------------------

  Work work(String id) {
    return repository.work(id).orElseThrow(() -> new IllegalStateException("work " + id + " not stored"));
  }

  Campaign campaign(String id) {
    return repository.campaign(id).orElseThrow(() -> new IllegalStateException("campaign " + id + " not stored"));
  }

  void record(String subjectId, String actor, AuditTrail.Step step) {
    audit.record(SupervisionKeys.PROCESS, subjectId, actor, step);
  }

  /** A unit's report: progress, or completion (the work then waits for acceptance). */
  void reported(Work w, boolean completed, int progress, String content, String evidence, String actor, String taskId) {
    Instant now = EngineClock.now();
    repository.workForUpdate(w.id());
    repository.insert(w.id(), completed ? "COMPLETION" : "PROGRESS", progress, content, evidence, actor, now, taskId);
    repository.reported(w.id(), completed ? WorkStatus.AWAITING_ACCEPTANCE : WorkStatus.IN_PROGRESS, progress, now);
  }

  /** The supervising body accepted the work (验收) or sent it back with its opinion. */
  void accepted(Work w, boolean accepted) {
    repository.setStatus(w.id(), accepted ? WorkStatus.ACCEPTED : WorkStatus.IN_PROGRESS, EngineClock.now());
    if (accepted) {
      Campaign c = campaign(w.campaignId());
      boolean roundsDone = c.processInstanceId() != null && system.call(() -> runtime.createProcessInstanceQuery()
          .processInstanceId(c.processInstanceId()).count()) == 0;
      finishIfDone(c.id(), roundsDone);
    }
  }

  /** A 督办 on the work; a new deadline replaces the old one. */
  void supervised(Work w, LocalDate newDeadline) {
    repository.supervised(w.id(), newDeadline, EngineClock.now());
  }

  /** The campaign is done when all its work is accepted and no yearly round is still to come. */
  private void finishIfDone(String campaignId, boolean roundsDone) {
    Campaign c = campaign(campaignId);
    if (c.status() != CampaignStatus.ACTIVE || repository.unfinished(campaignId) > 0) {
      return;
    }
    if (roundsDone) {
      repository.setStatus(campaignId, CampaignStatus.COMPLETED, EngineClock.now());
      record(campaignId, AuditTrail.SYSTEM, AuditTrail.Step.of("campaignCompleted", "督查办结", "COMPLETED")
          .opinion("全部任务已验收"));
    }
  }

  // --- reading ------------------------------------------------------------------------------------------------------

  /** The campaign if the caller may read it (their region covers it or a piece of its work); 404 otherwise. */
  Campaign visibleCampaign(String id, Jurisdiction caller) {
    Campaign c = repository.campaign(id).orElseThrow(() -> campaignNotFound(id));
    if (procedures.mayRead(SupervisionKeys.PROCESS, id, c.countyCode(), c.cityCode(), c.provinceCode(), caller)
        || repository.workOf(id).stream().anyMatch(w -> mayRead(w, caller))) {
      return c;
    }
    throw campaignNotFound(id);
  }

  boolean mayRead(Work w, Jurisdiction caller) {
    return procedures.mayRead(SupervisionKeys.PROCESS, w.id(), w.townshipCode() == null ? List.of() : List.of(w.townshipCode()),
        w.countyCode(), w.cityCode(), w.provinceCode(), caller);
  }

  Work visibleWork(String id, Jurisdiction caller) {
    Work w = repository.work(id).filter(found -> mayRead(found, caller))
        .orElseThrow(() -> ApiException.notFound("督查任务不存在", "督查任务 " + id + " 不存在或无权查看"));
    return w;
  }

  static ApiException campaignNotFound(String id) {
    return ApiException.notFound("督查活动不存在", "督查活动 " + id + " 不存在或无权查看");
  }

  private String write(LaunchRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
