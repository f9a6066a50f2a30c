package cn.gov.reform.secondment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Procedures;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.IdempotentRequests;

/**
 * The only writer of a secondment's state: creating (over the API, where the rules refuse a request they forbid, or from
 * Tasklist's start form, where such a request goes back to its requester with the findings), revising while it is back
 * with the requester, every step of its approval and of its term, each with its timeline entry; and reading secondments
 * within the caller's region or township.
 */
@Service
public class SecondmentService {

  private final SecondmentRepository secondments;
  private final SecondmentInput input;
  private final SecondmentRules rules;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final IdempotentRequests idempotent;
  private final AuditTrail audit;
  private final Procedures procedures;

  SecondmentService(SecondmentRepository secondments, SecondmentInput input, SecondmentRules rules, RegionDirectory regions,
      RuntimeService runtime, TaskService tasks, SystemAccess system, ObjectMapper json, IdempotentRequests idempotent,
      AuditTrail audit, Procedures procedures) {
    this.secondments = secondments;
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
  }

  record Created(SecondmentView secondment, boolean replayed) {}

  /**
   * Checks the request against the rules, stores it and starts its approval, in one transaction: a request the rules
   * forbid (an ERROR finding) is refused with the findings, nothing stored. With an {@code Idempotency-Key}, the same
   * request again answers as the first did.
   */
  Created create(SecondmentRequest request, String idempotencyKey, Jurisdiction caller, List<String> groups) {
    IdempotentRequests.Outcome created = idempotent.create(SecondmentKeys.PROCESS, idempotencyKey, caller.userId(), write(request),
        id -> {
          RegionDirectory.Region county = input.check(null, request, groups, caller.admin());
          SecondmentRules.Result result = rules.check(null, request, county.provinceCode(), county.code());
          if (Finding.errors(result.findings()) > 0) {
            throw new SecondmentRefusedException(result.findings());
          }
          Secondment s = register(id, request, caller, groups);
          runtime.createProcessInstanceByKey(SecondmentKeys.PROCESS).businessKey(id)
              .setVariable(SecondmentKeys.VAR_SECONDMENT_ID, id).setVariable(SecondmentKeys.VAR_PROVINCE, s.provinceCode()).execute();
        });
    return new Created(view(created.id()), created.replayed());
  }

  /** Stores a new request as its first version, for the API and for Tasklist's start form. */
  Secondment register(String id, SecondmentRequest r, Jurisdiction caller, List<String> groups) {
    RegionDirectory.Region county = input.check(null, r, groups, caller.admin());
    String township = regions.townshipName(r.townshipCode()).orElseThrow();
    Instant now = EngineClock.now();
    Secondment s = new Secondment(id, r.personId(), r.personName().strip(), r.townshipCode(), township,
        regions.describeCounty(county.code()) + " · " + township, county.code(), county.cityCode(), county.provinceCode(),
        r.startedInTownship(), r.requestingBody().strip(), r.reason().strip(), r.startDate(), r.endDate(),
        SecondmentRepository.blankToNull(r.specialJustification()), SecondmentStatus.IN_REVIEW, 1, null, null, null, null, null,
        null, caller.userId(), now, now);
    secondments.insert(s);
    return s;
  }

  /**
   * The requester changed the request in the form at reviseSecondment: a new version (the township stays), checked again
   * when submitted; returns the current version.
   */
  int revise(Secondment s, SecondmentRequest edited, String actor, List<String> groups, boolean admin, String taskId) {
    if (edited.equals(s.request())) {
      return s.currentVersion();
    }
    if (!s.townshipCode().equals(edited.townshipCode())) {
      throw new SecondmentInputException("townshipCode", "借调人员所在乡镇不能更改（应为 " + s.townshipCode() + "），请撤回后另行申请");
    }
    input.check(s.id(), edited, groups, admin);
    int version = s.currentVersion() + 1;
    secondments.revise(s.id(), version, edited);
    record(s.id(), actor, AuditTrail.Step.of("revision", "修改借调申请", "REVISE").version(version).task(taskId));
    return version;
  }

  SecondmentView get(String id, Jurisdiction caller) {
    visible(id, caller);
    return view(id);
  }

  SecondmentRepository.Page list(SecondmentRepository.Filter filter, Jurisdiction caller, int page, int size) {
    return secondments.list(filter, caller, page, size);
  }

  /** The secondment if the caller may read it (their region or township covers it, or it was copied to them); 404 otherwise. */
  Secondment visible(String id, Jurisdiction caller) {
    Secondment s = secondments.find(id).orElseThrow(() -> notFound(id));
    if (!procedures.mayRead(SecondmentKeys.PROCESS, id, List.of(s.townshipCode()), s.countyCode(), s.cityCode(), s.provinceCode(),
        caller)) {
      throw notFound(id); // the existence of another region's or township's secondment is private
    }
    return s;
  }

  Secondment find(String id) {
    return secondments.find(id).orElseThrow(() -> new IllegalStateException("secondment " + id + " not stored"));
  }

  Secondment findForUpdate(String id) {
    return secondments.findForUpdate(id).orElseThrow(() -> new IllegalStateException("secondment " + id + " not stored"));
  }

  List<Finding> findings(Secondment s) {
    return secondments.findings(s.id(), s.currentVersion());
  }

  SecondmentView view(String id) {
    Secondment s = find(id);
    List<String> stages = s.processInstanceId() == null ? List.of() : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(s.processInstanceId()).listPage(0, 100).stream().map(Task::getTaskDefinitionKey).distinct().sorted()
        .toList());
    return SecondmentView.of(s, stages, findings(s), timeline(id));
  }

  private String write(SecondmentRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the process's steps: every change of a secondment's state, with its timeline entry ----------------------------

  void record(String id, String actor, AuditTrail.Step step) {
    audit.record(SecondmentKeys.PROCESS, id, actor, step);
  }

  List<TimelineEntry> timeline(String id) {
    return audit.timeline(SecondmentKeys.PROCESS, id);
  }

  /** The request's approval has started (from the API or Tasklist's start form). */
  void started(Secondment s, String processInstanceId, String actor) {
    secondments.setProcessInstance(s.id(), processInstanceId);
    record(s.id(), actor, AuditTrail.Step.of(SecondmentKeys.STARTED, "提出借调申请", "SUBMIT").opinion(s.requestingBody() + "申请借调"
        + s.townshipName() + s.personName() + "，" + s.startDate() + "至" + s.endDate()).version(1));
  }

  /** A task of the secondment was created: it is back with its requester (REVISE) or in review. */
  void waitingAt(String id, boolean withRequester) {
    secondments.updateStatus(id, withRequester ? SecondmentStatus.DRAFT : SecondmentStatus.IN_REVIEW);
  }

  /** The chain the request takes (确定审批链), as the timeline names it. */
  void routed(Secondment s, SecondmentRoute route) {
    secondments.routed(s.id(), route.name());
    record(s.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SecondmentKeys.DETERMINE_ROUTE, "确定审批链", "ROUTED").opinion(route.name())
        .version(s.currentVersion()));
  }

  /** The rules' check of the current version: findings stored with it, the months counted, the result in the timeline. */
  void checked(Secondment s, SecondmentRules.Result result) {
    secondments.replaceFindings(s.id(), s.currentVersion(), result.findings());
    secondments.counted(s.id(), result.months(), result.earlierMonths(), result.extendsId());
    record(s.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SecondmentKeys.CHECK, "借调规则校验",
        Finding.errors(result.findings()) > 0 ? "FAILED" : "PASSED").opinion(Finding.summary(result.findings()))
        .version(s.currentVersion()));
  }

  /** Every stage agreed: the person is seconded until the end date; the reminder falls due on {@code reminderDate}. */
  void approved(Secondment s, LocalDate reminderDate) {
    secondments.approved(s.id(), reminderDate);
    record(s.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SecondmentKeys.APPROVED, "借调开始", SecondmentStatus.SECONDED.name())
        .opinion(s.personName() + "借调至" + s.requestingBody() + "，" + s.startDate() + "至" + s.endDate() + "；" + reminderDate
            + "提醒申请单位和乡镇，期满返回乡镇").version(s.currentVersion()));
  }

  /** The reminder before the end fell due: the requester and the township have it in their Tasklist. */
  void reminded(Secondment s) {
    record(s.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SecondmentKeys.REMIND, "借调期满提醒", "REMINDED")
        .opinion(s.personName() + "的借调将于" + s.endDate() + "期满，已提醒" + s.requestingBody() + "和" + s.townshipName() + "党委")
        .target("requester" + s.countyCode() + "、township" + s.townshipCode()));
  }

  /** The requester or the township read the reminder. */
  void reminderRead(String id, String stage, String stageName, String actor, String taskId) {
    record(id, actor, AuditTrail.Step.of(stage, stageName, "READ").task(taskId));
  }

  /** The end date has passed: the person is back in the township. */
  void returned(Secondment s) {
    secondments.updateStatus(s.id(), SecondmentStatus.RETURNED);
    record(s.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SecondmentKeys.RECORD_RETURN, "人员返回乡镇", SecondmentStatus.RETURNED.name())
        .opinion(s.personName() + "的借调于" + s.endDate() + "期满，" + s.endDate().plusDays(1) + "起回到" + s.townshipName() + "工作"));
  }

  /** The approval ended at an end event with this status (rejected, withdrawn). */
  void finished(String id, SecondmentStatus status, String endEvent) {
    secondments.updateStatus(id, status);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(endEvent, status.label(), status.name()));
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("借调申请不存在", "借调申请 " + id + " 不存在或无权查看");
  }
}
