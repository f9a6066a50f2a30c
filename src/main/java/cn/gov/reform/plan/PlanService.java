package cn.gov.reform.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Procedures;
import cn.gov.reform.approval.SubmissionCheck;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.IdempotentRequests;

/** Creating, reading, listing and revising plans; the process is started and carried by the engine. */
@Service
public class PlanService {

  private final PlanRepository plans;
  private final PlanInputChecker input;
  private final PolicyValidator policy;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final String campaignDeadline;
  private final IdempotentRequests idempotent;
  private final AuditTrail audit;
  private final Procedures procedures;

  public PlanService(PlanRepository plans, PlanInputChecker input, PolicyValidator policy, RegionDirectory regions,
      RuntimeService runtime, TaskService tasks, SystemAccess system, ObjectMapper json,
      @Value("${app.campaign.deadline:}") String campaignDeadline, IdempotentRequests idempotent, AuditTrail audit,
      Procedures procedures) {
    this.audit = audit;
    this.procedures = procedures;
    this.plans = plans;
    this.input = input;
    this.policy = policy;
    this.regions = regions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
    this.json = json;
    this.campaignDeadline = campaignDeadline;
    this.idempotent = idempotent;
  }

  public record Created(PlanView plan, boolean replayed) {}

  /**
   * Stores the plan and its first version and starts its approval, in one transaction: a plan that cannot be
   * accepted leaves nothing behind. With an {@code Idempotency-Key}, the same request again answers as the
   * first did and starts nothing ({@link IdempotentRequests}).
   */
  public Created create(PlanRequest request, String idempotencyKey, Jurisdiction caller) {
    IdempotentRequests.Outcome created = idempotent.create(ProcessKeys.PROCESS, idempotencyKey, caller.userId(),
        write(request), id -> {
          input.check(request);
          if (!caller.canDraftFor(request.countyCode())) {
            throw ApiException.forbidden("只有" + regions.describeCounty(request.countyCode()) + "的起草人员（drafter"
                + request.countyCode() + "）可以提交该县的方案");
          }
          register(id, request, caller.userId());
          runtime.createProcessInstanceByKey(ProcessKeys.PROCESS).businessKey(id)
              .setVariable(ProcessKeys.VAR_PLAN_ID, id).execute();
        });
    return new Created(view(created.id()), created.replayed());
  }

  /** Stores a new plan with its first version (used by the API and by Tasklist's start form). */
  public void register(String id, PlanRequest request, String actor) {
    RegionDirectory.Region county = regions.county(request.countyCode()).orElseThrow();
    Instant now = EngineClock.now();
    LocalDate deadline = request.deadline() != null ? request.deadline()
        : campaignDeadline.isBlank() ? null : LocalDate.parse(campaignDeadline);
    plans.insert(new Plan(id, request.title().strip(), request.planType(), county.code(), county.cityCode(),
        county.provinceCode(), PlanStatus.IN_REVIEW, 1, null, deadline, false, null, actor, now, now));
    plans.insertVersion(id, 1, write(request), request.townships().size(), actor, now);
  }

  /** A new version while the plan waits at draftPlan; earlier versions are kept. */
  @Transactional
  public PlanView revise(String id, PlanRequest request, Jurisdiction caller) {
    visible(id, caller);
    // the locked row is the one the next version number is computed from: concurrent revisions are serial
    Plan plan = plans.findForUpdate(id).orElseThrow(() -> notFound(id));
    if (!caller.canDraftFor(plan.countyCode())) {
      throw ApiException.forbidden("只有本县的起草人员（drafter" + plan.countyCode() + "）可以修订方案");
    }
    input.check(request);
    if (!request.countyCode().equals(plan.countyCode())) {
      throw new PlanInputException("countyCode", "方案所属县不能更改（应为 " + plan.countyCode() + "）");
    }
    if (request.planType() != plan.planType()) {
      throw new PlanInputException("planType", "方案类型不能在修订中更改（应为 " + plan.planType() + "）");
    }
    Task draft = openDraftTask(plan);
    int version = addVersion(plan, request, caller.userId());
    record(id, caller.userId(), revised(version).task(draft.getId()));
    system.call(() -> {
      tasks.setVariablesLocal(draft.getId(), DraftFormValues.of(request, version));
      return null;
    });
    return view(id);
  }

  /** Stores the request as the plan's next version and makes it current. */
  public int addVersion(Plan plan, PlanRequest request, String actor) {
    int version = plan.currentVersion() + 1;
    Instant now = EngineClock.now();
    plans.insertVersion(plan.id(), version, write(request), request.townships().size(), actor, now);
    LocalDate deadline = request.deadline() != null ? request.deadline() : plan.deadline();
    plans.setCurrentVersion(plan.id(), version, request.title().strip(), deadline);
    return version;
  }

  private Task openDraftTask(Plan plan) {
    Task task = plan.processInstanceId() == null ? null : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(plan.processInstanceId()).taskDefinitionKey(ProcessKeys.DRAFT_PLAN).singleResult());
    if (task == null) {
      throw ApiException.conflict("方案当前状态为“" + plan.status().label() + "”，只有退回县里起草或修改时才能修订");
    }
    return task;
  }

  /** Policy findings of a draft; stores nothing. */
  public List<Finding> check(PlanRequest request) {
    input.check(request);
    return policy.validate(request);
  }

  public PlanView get(String id, Jurisdiction caller) {
    visible(id, caller);
    return view(id);
  }

  public PlanRepository.Page list(PlanRepository.Filter filter, Jurisdiction caller, int page, int size) {
    return plans.list(filter, caller, page, size);
  }

  public Plan visible(String id, Jurisdiction caller) {
    Plan plan = plans.find(id).orElseThrow(() -> notFound(id));
    if (!procedures.mayRead(ProcessKeys.PROCESS, id, plan.countyCode(), plan.cityCode(), plan.provinceCode(), caller)) {
      throw notFound(id); // existence of another region's plan is private
    }
    return plan;
  }

  public PlanRequest content(String planId, int version) {
    try {
      return json.readValue(plans.content(planId, version), PlanRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored plan version " + planId + "/" + version + " is unreadable", e);
    }
  }

  public PlanView view(String id) {
    Plan p = plans.find(id).orElseThrow(() -> notFound(id));
    PlanRequest content = content(id, p.currentVersion());
    List<String> stages = p.processInstanceId() == null ? List.of() : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(p.processInstanceId()).listPage(0, 1000).stream().map(Task::getTaskDefinitionKey).distinct().sorted().toList());
    return new PlanView(p.id(), p.title(), p.planType(), p.countyCode(), p.cityCode(), p.provinceCode(),
        regions.describeCounty(p.countyCode()), p.processInstanceId(), p.status(), stages, p.currentVersion(),
        plans.findings(id, p.currentVersion()), p.deadline(), p.overdue(), p.filingNumber(), p.createdAt(),
        p.updatedAt(), content.townships(), timeline(id));
  }

  String write(PlanRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the process's steps: every change of a plan's state during its approval, with its timeline entry -----

  /** Adds a step to the plan's timeline. */
  public void record(String planId, String actor, AuditTrail.Step step) {
    audit.record(ProcessKeys.PROCESS, planId, actor, step);
  }

  public List<TimelineEntry> timeline(String planId) {
    return audit.timeline(ProcessKeys.PROCESS, planId);
  }

  static AuditTrail.Step revised(int version) {
    return AuditTrail.Step.of("revision", "修订方案", "REVISE").version(version);
  }

  /** The plan's approval has started (from the API or Tasklist's start form). */
  public void started(Plan plan, String processInstanceId, String actor) {
    plans.setProcessInstance(plan.id(), processInstanceId);
    record(plan.id(), actor, AuditTrail.Step.of("planStarted", "提交方案", "SUBMIT").version(1));
  }

  /** A task of the plan was created: it is back with its county (DRAFT) or in review. */
  public void waitingAt(String planId, boolean withCounty) {
    plans.updateStatus(planId, withCounty ? PlanStatus.DRAFT : PlanStatus.IN_REVIEW);
  }

  /** The policy check of the plan's current version: findings stored with that version, the result in the timeline. */
  public void checked(Plan plan, List<Finding> findings) {
    plans.replaceFindings(plan.id(), plan.currentVersion(), findings);
    record(plan.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(ProcessKeys.VALIDATE_PLAN, "政策校验",
        Finding.errors(findings) > 0 ? "FAILED" : "PASSED").opinion(Finding.summary(findings)).version(plan.currentVersion()));
  }

  /**
   * Whether the plan's latest submission (its start, or 提交 at draftPlan) already has its policy check
   * recorded for this version: the newest of those entries is the check's.
   */
  public boolean checkedSinceLastSubmission(String planId, int version) {
    return SubmissionCheck.checkedSince(timeline(planId), ProcessKeys.VALIDATE_PLAN, e -> "planStarted".equals(e.stage())
        || ProcessKeys.DRAFT_PLAN.equals(e.stage()) && "SUBMIT".equals(e.decision()), version);
  }

  /** The plan's deadline passed while it was open. */
  public void overdue(Plan plan) {
    plans.markOverdue(plan.id());
    record(plan.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(ProcessKeys.PLAN_OVERDUE, "超过完成期限", "OVERDUE")
        .opinion("完成期限" + plan.deadline() + "已过，方案尚未办结，已提请省级督办").version(plan.currentVersion()));
  }

  /** A supervisor gave the plan a new target date (督办后的新期限). */
  public void moveDeadline(String planId, LocalDate target) {
    plans.setDeadline(planId, target);
  }

  /** The plan was filed under this number (备案编号). */
  public void filed(Plan plan, String number) {
    plans.setFilingNumber(plan.id(), number);
    record(plan.id(), AuditTrail.SYSTEM, AuditTrail.Step.of("recordFiling", "登记备案号", "FILED").opinion(number)
        .version(plan.currentVersion()));
  }

  /** The plan's approval ended at an end event with this status. */
  public void finished(String planId, PlanStatus status, String endEvent) {
    plans.updateStatus(planId, status);
    record(planId, AuditTrail.SYSTEM, AuditTrail.Step.of(endEvent, status.label(), status.name()));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("方案不存在", "方案 " + id + " 不存在或无权查看");
  }
}
