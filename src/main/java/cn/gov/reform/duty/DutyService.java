package cn.gov.reform.duty;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Procedures;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.IdempotentRequests;

/**
 * The only writer of a duty-access request's state: creating it (over the API or Tasklist's start form), revising it while
 * it is back with its department, every step of its approval with its timeline entry, and reading requests within the
 * caller's region (a township's officials: those naming their township). The engine starts and carries the process.
 */
@Service
public class DutyService {

  private final DutyRepository duties;
  private final DutyInput input;
  private final DutyRules rules;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final IdempotentRequests idempotent;
  private final AuditTrail audit;
  private final Procedures procedures;
  private final CurrentCaller caller;

  DutyService(DutyRepository duties, DutyInput input, DutyRules rules, RegionDirectory regions, RuntimeService runtime,
      TaskService tasks, SystemAccess system, ObjectMapper json, IdempotentRequests idempotent, AuditTrail audit,
      Procedures procedures, CurrentCaller caller) {
    this.duties = duties;
    this.input = input;
    this.rules = rules;
    this.regions = regions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
    this.json = json;
    this.idempotent = idempotent;
    this.audit = audit;
    this.procedures = procedures;
    this.caller = caller;
  }

  record Created(DutyView duty, boolean replayed) {}

  /**
   * Stores the request and starts its approval in one transaction; the step 准入规则校验 runs in it, so a request the rules
   * refuse leaves nothing behind. With an {@code Idempotency-Key}, the same request again answers as the first did.
   */
  Created create(DutyRequest request, String idempotencyKey, Jurisdiction who) {
    IdempotentRequests.Outcome created = idempotent.create(DutyKeys.PROCESS, idempotencyKey, who.userId(), write(request), id -> {
      Duty d = register(id, request, who);
      runtime.createProcessInstanceByKey(DutyKeys.PROCESS).businessKey(id)
          .setVariable(DutyKeys.VAR_DUTY_ID, id).setVariable(DutyKeys.VAR_PROVINCE, d.provinceCode()).execute();
    });
    return new Created(view(created.id()), created.replayed());
  }

  /** Stores a new request with its first version, for the API and for Tasklist's start form; its department's role only. */
  Duty register(String id, DutyRequest request, Jurisdiction who) {
    RegionDirectory.Region county = input.check(request);
    requireDepartment(county.code(), who);
    Instant now = EngineClock.now();
    Duty d = new Duty(id, request.title().strip(), request.department().strip(), county.code(), county.cityCode(),
        county.provinceCode(), regions.describeCounty(county.code()), DutyStatus.HEARING, 1, null, null, null, who.userId(), now, now);
    duties.insert(d);
    duties.insertVersion(id, 1, request, who.userId());
    duties.replaceTownships(id, request.townshipCodes(), names(request));
    return d;
  }

  private void requireDepartment(String countyCode, Jurisdiction who) {
    String group = Role.COUNTY_DEPARTMENT.group(countyCode);
    if (!who.admin() && !caller.groupIds().contains(group)) {
      throw new AccessRefusedException("只有" + regions.describeCounty(countyCode) + "的县直部门（" + group + "）可以申请将该县的行政事务交由乡镇承担");
    }
  }

  private List<String> names(DutyRequest request) {
    return request.townshipCodes().stream().map(code -> regions.townshipName(code).orElse(code)).toList();
  }

  /** The rules of the documents, refusing the request with every element it lacks and the clause (准入规则校验). */
  void checkRules(Duty d, DutyRequest request) {
    var errors = rules.check(request, d.provinceCode());
    if (!errors.isEmpty()) {
      throw DutyInputException.byRules(errors);
    }
  }

  /** A new version while the request is back with its department (at reviseDutyRequest); earlier versions are kept. */
  @Transactional
  public DutyView revise(String id, DutyRequest request, Jurisdiction who) {
    visible(id, who);
    Duty d = duties.findForUpdate(id).orElseThrow(() -> notFound(id));
    String group = Role.COUNTY_DEPARTMENT.group(d.countyCode());
    if (!who.admin() && !caller.groupIds().contains(group)) {
      throw ApiException.forbidden("只有本县的县直部门（" + group + "）可以修改申请");
    }
    Task revise = d.processInstanceId() == null ? null : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(d.processInstanceId()).taskDefinitionKey(DutyKeys.REVISE).singleResult());
    if (revise == null) {
      throw ApiException.conflict("申请当前状态为“" + d.status().label() + "”，只有退回申请部门修改时才能修改");
    }
    checkRevision(d, request);
    checkRules(d, request);
    int version = addVersion(d, request, who.userId(), revise.getId());
    system.call(() -> {
      tasks.setVariablesLocal(revise.getId(), DutyFormValues.of(content(find(id), version)));
      return null;
    });
    return view(id);
  }

  /** A revision keeps the county (and the department); its townships may change. */
  void checkRevision(Duty d, DutyRequest request) {
    input.check(request);
    if (!request.countyCode().equals(d.countyCode())) {
      throw new DutyInputException("countyCode", "申请所属的县不能更改（应为 " + d.countyCode() + "）");
    }
    if (!request.department().strip().equals(d.department())) {
      throw new DutyInputException("department", "申请部门不能更改（应为 " + d.department() + "）");
    }
  }

  /** Stores the request as the next version and makes its townships the affected ones; returns the version. */
  int addVersion(Duty d, DutyRequest request, String actor, String taskId) {
    int version = d.currentVersion() + 1;
    duties.insertVersion(d.id(), version, request, actor);
    duties.replaceTownships(d.id(), request.townshipCodes(), names(request));
    record(d.id(), actor, AuditTrail.Step.of(DutyKeys.REVISION, "修改申请", "REVISE").version(version).task(taskId));
    return version;
  }

  DutyView get(String id, Jurisdiction who) {
    visible(id, who);
    return view(id);
  }

  DutyRepository.Page list(DutyRepository.Filter filter, Jurisdiction who, int page, int size) {
    return duties.list(filter, who, page, size);
  }

  /** The request if the caller may read it (their region covers it, it names their township, or it was copied to them); 404 otherwise. */
  Duty visible(String id, Jurisdiction who) {
    Duty d = duties.find(id).orElseThrow(() -> notFound(id));
    if (!procedures.mayRead(DutyKeys.PROCESS, id, townshipCodes(id), d.countyCode(), d.cityCode(), d.provinceCode(), who)) {
      throw notFound(id);
    }
    return d;
  }

  List<String> townshipCodes(String id) {
    return duties.townships(id).stream().map(DutyRepository.Township::code).toList();
  }

  Duty find(String id) {
    return duties.find(id).orElseThrow(() -> new IllegalStateException("duty request " + id + " not stored"));
  }

  DutyRequest content(Duty d) {
    return duties.version(d, d.currentVersion());
  }

  DutyRequest content(Duty d, int version) {
    return duties.version(d, version);
  }

  List<DutyRepository.Township> townships(String id) {
    return duties.townships(id);
  }

  DutyView view(String id) {
    Duty d = find(id);
    List<String> stages = d.processInstanceId() == null ? List.of() : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(d.processInstanceId()).listPage(0, 200).stream().map(Task::getTaskDefinitionKey).distinct().sorted()
        .toList());
    List<DutyRepository.Township> townships = duties.townships(id);
    DutyRequest content = content(d);
    return new DutyView(d.id(), d.title(), d.department(), d.regionName(), d.countyCode(), d.cityCode(), d.provinceCode(),
        d.processInstanceId(), d.status(), d.status().label(), stages, d.currentVersion(), content,
        townships.stream().map(DutyView.TownshipView::of).toList(), DutyFindings.of(content, townships),
        d.overdueSince() != null, d.approvedAt(), d.createdAt(), d.updatedAt(), timeline(id));
  }

  private String write(DutyRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the process's steps: every change of a request's state during its approval, with its timeline entry ------

  void record(String id, String actor, AuditTrail.Step step) {
    audit.record(DutyKeys.PROCESS, id, actor, step);
  }

  List<TimelineEntry> timeline(String id) {
    return audit.timeline(DutyKeys.PROCESS, id);
  }

  void started(Duty d, String processInstanceId, String actor) {
    duties.setProcessInstance(d.id(), processInstanceId);
    record(d.id(), actor, AuditTrail.Step.of(DutyKeys.STARTED, "提交职责准入申请", "SUBMIT").opinion(d.department()).version(1));
  }

  /** The rules passed (准入规则校验): recorded with what the request provides. */
  void checked(Duty d, DutyRequest request) {
    record(d.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(DutyKeys.CHECK, "准入规则校验", "PASSED")
        .opinion(request.forms().isEmpty() ? "目标、内容、权限、分工、期限和人员、经费、培训均已写明"
            : "目标、内容、权限、分工、期限和人员、经费、培训均已写明；所引文件：" + request.basis().text())
        .version(d.currentVersion()));
  }

  /** A new hearing of the affected townships begins. */
  void hearingStarted(Duty d) {
    duties.resetOpinions(d.id());
    duties.updateStatus(d.id(), DutyStatus.HEARING);
    List<DutyRepository.Township> townships = duties.townships(d.id());
    record(d.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(DutyKeys.HEARING, "征求乡镇意见", "HEARING")
        .opinion(String.join("、", townships.stream().map(DutyRepository.Township::name).toList())).version(d.currentVersion()));
  }

  /** A township answered: no objection, or an objection with its reasons. */
  void opinion(String id, String townshipCode, String decision, String text, String actor, String taskId) {
    Duty d = duties.findForUpdate(id).orElseThrow();
    TownshipOpinion opinion = "REJECT".equals(decision) ? TownshipOpinion.OBJECTED : TownshipOpinion.AGREED;
    duties.setOpinion(id, townshipCode, opinion, text, actor);
    record(id, actor, AuditTrail.Step.of(DutyKeys.TOWNSHIP_OPINION, townshipName(townshipCode) + "意见", decision).opinion(text)
        .version(d.currentVersion()).task(taskId).target(townshipCode));
  }

  /** The township's time limit passed without an opinion: its task was closed by the timer. */
  void notGiven(String id, String townshipCode, int workingDays) {
    Duty d = duties.findForUpdate(id).orElseThrow();
    duties.setOpinion(id, townshipCode, TownshipOpinion.NOT_GIVEN, null, AuditTrail.SYSTEM);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(DutyKeys.OPINION_OVERDUE, townshipName(townshipCode) + "意见", "NOT_GIVEN")
        .opinion(townshipName(townshipCode) + "未在" + workingDays + "个工作日内反馈意见，按逾期未反馈报县委、县政府")
        .version(d.currentVersion()).target(townshipCode));
  }

  private String townshipName(String code) {
    return regions.townshipName(code).orElse(code);
  }

  /** Every township has answered or let its time pass: the hearing's result goes to the county. */
  void summarised(Duty d) {
    List<DutyRepository.Township> townships = duties.townships(d.id());
    record(d.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(DutyKeys.SUMMARY, "汇总乡镇意见", "SUMMARISED")
        .opinion(DutyFindings.summary(townships)).version(d.currentVersion()));
  }

  void waitingAt(String id, DutyStatus status) {
    duties.updateStatus(id, status);
  }

  /** The county's decision (or the department's at reviseDutyRequest): recorded; an overdue flag ends with it. */
  void decided(String id, DutyStage stage, String decision, String opinion, String actor, String taskId) {
    Duty d = duties.findForUpdate(id).orElseThrow();
    duties.setOverdue(id, null);
    record(id, actor, AuditTrail.Step.of(stage.taskKey(), stage.label(), decision).opinion(opinion).version(d.currentVersion())
        .task(taskId));
  }

  /** The county's approval passed its due date: the request is overdue until the county decides. */
  void approvalOverdue(String id) {
    duties.setOverdue(id, EngineClock.now());
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(DutyKeys.APPROVAL_OVERDUE, "县委、县政府审批逾期", "OVERDUE")
        .opinion("已超过审批时限，请尽快办理").version(find(id).currentVersion()));
  }

  /** Approved: the duty is on each affected township's list from now on. */
  void accepted(String id) {
    duties.updateStatus(id, DutyStatus.APPROVED);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(DutyKeys.ACCEPT, "列入乡镇职责清单", DutyStatus.APPROVED.name())
        .opinion(String.join("、", duties.townships(id).stream().map(DutyRepository.Township::name).toList()))
        .version(find(id).currentVersion()));
  }

  void finished(String id, DutyStatus status, String endEvent) {
    duties.updateStatus(id, status);
    duties.setOverdue(id, null);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(endEvent, status.label(), status.name()));
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("职责准入申请不存在", "职责准入申请 " + id + " 不存在或无权查看");
  }
}
