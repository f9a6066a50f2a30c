package cn.gov.reform.assessment;

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
 * The only writer of an assessment-item request's state: creating it (over the API or Tasklist's start form), revising it
 * while it is back with its department, every step of its approval with its timeline entry, and reading requests within
 * the caller's region (a township's officials: those naming their township). The engine starts and carries the process.
 */
@Service
public class AssessmentService {

  private final AssessmentRepository items;
  private final AssessmentInput input;
  private final AssessmentRules rules;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final IdempotentRequests idempotent;
  private final AuditTrail audit;
  private final Procedures procedures;
  private final CurrentCaller caller;

  AssessmentService(AssessmentRepository items, AssessmentInput input, AssessmentRules rules, RegionDirectory regions,
      RuntimeService runtime, TaskService tasks, SystemAccess system, ObjectMapper json, IdempotentRequests idempotent,
      AuditTrail audit, Procedures procedures, CurrentCaller caller) {
    this.items = items;
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

  record Created(AssessmentView item, boolean replayed) {}

  /**
   * Stores the request and starts its approval in one transaction; the step 考核事项规则校验 runs in it, so a request the
   * rules refuse leaves nothing behind. With an {@code Idempotency-Key}, the same request again answers as the first did.
   */
  Created create(AssessmentRequest request, String idempotencyKey, Jurisdiction who) {
    IdempotentRequests.Outcome created = idempotent.create(AssessmentKeys.PROCESS, idempotencyKey, who.userId(), write(request), id -> {
      AssessmentItem a = register(id, request, who);
      runtime.createProcessInstanceByKey(AssessmentKeys.PROCESS).businessKey(id)
          .setVariable(AssessmentKeys.VAR_ITEM_ID, id).setVariable(AssessmentKeys.VAR_PROVINCE, a.provinceCode()).execute();
    });
    return new Created(view(created.id()), created.replayed());
  }

  /** Stores a new request with its first version, for the API and for Tasklist's start form; its department's role only. */
  AssessmentItem register(String id, AssessmentRequest request, Jurisdiction who) {
    RegionDirectory.Region county = input.check(request);
    requireDepartment(county.code(), who);
    Instant now = EngineClock.now();
    AssessmentItem a = new AssessmentItem(id, request.title().strip(), request.department().strip(), request.kind(), county.code(),
        county.cityCode(), county.provinceCode(), regions.describeCounty(county.code()), AssessmentStatus.COUNTY_REVIEW, 1, null,
        null, null, who.userId(), now, now);
    items.insert(a);
    items.insertVersion(id, 1, request, who.userId());
    items.replaceTownships(id, request.townshipCodes(), names(request));
    return a;
  }

  private void requireDepartment(String countyCode, Jurisdiction who) {
    String group = Role.COUNTY_DEPARTMENT.group(countyCode);
    if (!who.admin() && !caller.groupIds().contains(group)) {
      throw new AccessRefusedException("只有" + regions.describeCounty(countyCode) + "的县直部门（" + group + "）可以申请对该县乡镇设置考核事项");
    }
  }

  private List<String> names(AssessmentRequest request) {
    return request.townshipCodes().stream().map(code -> regions.townshipName(code).orElse(code)).toList();
  }

  /** The rules of the documents (考核事项规则校验), refusing the request with every breach and its clause. */
  void checkRules(AssessmentItem a, AssessmentRequest request) {
    var errors = rules.check(request, a.provinceCode());
    if (!errors.isEmpty()) {
      throw AssessmentInputException.byRules(errors);
    }
  }

  AssessmentRules.Route route(AssessmentItem a) {
    return rules.route(a.kind(), a.provinceCode());
  }

  /** A new version while the request is back with its department (at reviseAssessmentItem); earlier versions are kept. */
  @Transactional
  public AssessmentView revise(String id, AssessmentRequest request, Jurisdiction who) {
    visible(id, who);
    AssessmentItem a = items.findForUpdate(id).orElseThrow(() -> notFound(id));
    String group = Role.COUNTY_DEPARTMENT.group(a.countyCode());
    if (!who.admin() && !caller.groupIds().contains(group)) {
      throw ApiException.forbidden("只有本县的县直部门（" + group + "）可以修改申请");
    }
    Task revise = a.processInstanceId() == null ? null : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(a.processInstanceId()).taskDefinitionKey(AssessmentKeys.REVISE).singleResult());
    if (revise == null) {
      throw ApiException.conflict("申请当前状态为“" + a.status().label() + "”，只有退回申请部门修改时才能修改");
    }
    checkRevision(a, request);
    checkRules(a, request);
    addVersion(a, request, who.userId(), revise.getId());
    system.call(() -> { // the form shows the revision, and a SUBMIT from it does not bring back the earlier one
      tasks.setVariablesLocal(revise.getId(), AssessmentFormValues.of(request));
      return null;
    });
    return view(id);
  }

  /** A revision keeps the county, the department and the kind; its townships and items may change. */
  void checkRevision(AssessmentItem a, AssessmentRequest request) {
    input.check(request);
    if (!request.countyCode().equals(a.countyCode())) {
      throw new AssessmentInputException("countyCode", "申请所属的县不能更改（应为 " + a.countyCode() + "）");
    }
    if (!request.department().strip().equals(a.department())) {
      throw new AssessmentInputException("department", "申请部门不能更改（应为 " + a.department() + "）");
    }
    if (request.kind() != a.kind()) {
      throw new AssessmentInputException("kind", "考核类别不能更改（应为 " + a.kind().name() + " " + a.kind().label() + "），请撤回后重新申请");
    }
  }

  /** Stores the request as the next version with its townships; returns the version. */
  int addVersion(AssessmentItem a, AssessmentRequest request, String actor, String taskId) {
    int version = a.currentVersion() + 1;
    items.insertVersion(a.id(), version, request, actor);
    items.replaceTownships(a.id(), request.townshipCodes(), names(request));
    record(a.id(), actor, AuditTrail.Step.of(AssessmentKeys.REVISION, "修改申请", "REVISE").version(version).task(taskId));
    return version;
  }

  AssessmentView get(String id, Jurisdiction who) {
    visible(id, who);
    return view(id);
  }

  AssessmentRepository.Page list(AssessmentRepository.Filter filter, Jurisdiction who, int page, int size) {
    return items.list(filter, who, page, size);
  }

  /** The request if the caller may read it (their region covers it, it names their township, or it was copied to them); 404 otherwise. */
  AssessmentItem visible(String id, Jurisdiction who) {
    AssessmentItem a = items.find(id).orElseThrow(() -> notFound(id));
    if (!procedures.mayRead(AssessmentKeys.PROCESS, id, townshipCodes(id), a.countyCode(), a.cityCode(), a.provinceCode(), who)) {
      throw notFound(id);
    }
    return a;
  }

  List<String> townshipCodes(String id) {
    return items.townships(id).stream().map(AssessmentRepository.Township::code).toList();
  }

  AssessmentItem find(String id) {
    return items.find(id).orElseThrow(() -> new IllegalStateException("assessment item " + id + " not stored"));
  }

  AssessmentRequest content(AssessmentItem a) {
    return items.version(a.id(), a.currentVersion());
  }

  List<AssessmentRepository.Township> townships(String id) {
    return items.townships(id);
  }

  AssessmentView view(String id) {
    AssessmentItem a = find(id);
    List<String> stages = a.processInstanceId() == null ? List.of() : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(a.processInstanceId()).listPage(0, 200).stream().map(Task::getTaskDefinitionKey).distinct().sorted()
        .toList());
    AssessmentRules.Route route = route(a);
    return new AssessmentView(a.id(), a.title(), a.department(), a.kind(), a.kind().label(), a.regionName(), a.countyCode(),
        a.cityCode(), a.provinceCode(), a.processInstanceId(), a.status(), a.status().label(), stages, a.currentVersion(), content(a),
        items.townships(id).stream().map(t -> new AssessmentView.TownshipView(t.code(), t.name())).toList(),
        route.provinceApproval(), route.source(), a.overdueSince() != null, a.decidedAt(), a.createdAt(), a.updatedAt(), timeline(id));
  }

  private String write(AssessmentRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the process's steps: every change of a request's state during its approval, with its timeline entry ------

  void record(String id, String actor, AuditTrail.Step step) {
    audit.record(AssessmentKeys.PROCESS, id, actor, step);
  }

  List<TimelineEntry> timeline(String id) {
    return audit.timeline(AssessmentKeys.PROCESS, id);
  }

  void started(AssessmentItem a, String processInstanceId, String actor) {
    items.setProcessInstance(a.id(), processInstanceId);
    record(a.id(), actor, AuditTrail.Step.of(AssessmentKeys.STARTED, "提交考核事项申请", "SUBMIT")
        .opinion(a.department() + "：" + a.kind().label()).version(1));
  }

  /** The rules passed (考核事项规则校验): recorded with the route the decision table gave. */
  void checked(AssessmentItem a, AssessmentRequest request, AssessmentRules.Route route) {
    String basis = request.basis() == null ? "" : "；所引文件：" + request.basis().text();
    record(a.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(AssessmentKeys.CHECK, "考核事项规则校验", "PASSED")
        .opinion(a.kind().label() + "，" + request.items().size() + "项，均在所涉乡镇的职责清单中" + basis + "；审批路径："
            + (route.provinceApproval() ? "县委、县政府审核后报省委、省政府批准" : "县委、县政府批准") + "（" + route.source() + "）")
        .version(a.currentVersion()));
  }

  void waitingAt(String id, AssessmentStatus status) {
    items.updateStatus(id, status);
  }

  /** A stage's decision: recorded; an overdue flag ends with it. */
  void decided(String id, AssessmentStage stage, String decision, String opinion, String actor, String taskId) {
    AssessmentItem a = items.findForUpdate(id).orElseThrow();
    items.setOverdue(id, null);
    record(id, actor, AuditTrail.Step.of(stage.taskKey(), stage.label(), decision).opinion(opinion).version(a.currentVersion())
        .task(taskId));
  }

  /** A stage passed its due date: the request is overdue until the stage decides. */
  void overdue(String id, String stageKey) {
    items.setOverdue(id, EngineClock.now());
    String name = AssessmentStage.of(stageKey).map(AssessmentStage::label).orElse(stageKey);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(AssessmentKeys.OVERDUE, name + "逾期", "OVERDUE")
        .opinion("已超过审批时限，请尽快办理").version(find(id).currentVersion()));
  }

  void finished(String id, AssessmentStatus status, String endEvent) {
    items.updateStatus(id, status);
    items.setOverdue(id, null);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(endEvent, status.label(), status.name()));
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("考核事项申请不存在", "考核事项申请 " + id + " 不存在或无权查看");
  }
}
