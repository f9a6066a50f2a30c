package cn.gov.reform.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Procedures;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.IdempotentRequests;

/**
 * The only writer of an application to enter a list (developedTownRecognition): the city government's application, the
 * check against the recognition standard ({@value EvaluationKeys#THRESHOLDS_DECISION}), the provincial government's
 * decision — which puts the town on the list under its number — each step in the application's timeline; and reading
 * applications and the list for the API within the caller's region.
 */
@Service
class RecognitionService {

  private final RecognitionRepository applications;
  private final DevelopedTowns towns;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final DeployedDecisions decisions;
  private final AuditTrail audit;
  private final IdempotentRequests idempotent;
  /** Read lazily: the procedures include this one's {@link RecognitionSubjects}, which reads through this service. */
  private final ObjectProvider<Procedures> procedures;
  private final Validation validation;
  private final WorkingDayCalendar calendar;
  private final ObjectMapper json;

  RecognitionService(RecognitionRepository applications, DevelopedTowns towns, RegionDirectory regions, RuntimeService runtime,
      TaskService tasks, SystemAccess system, DeployedDecisions decisions, AuditTrail audit, IdempotentRequests idempotent,
      ObjectProvider<Procedures> procedures, Validation validation, WorkingDayCalendar calendar, ObjectMapper json) {
    this.applications = applications;
    this.towns = towns;
    this.regions = regions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
    this.decisions = decisions;
    this.audit = audit;
    this.idempotent = idempotent;
    this.procedures = procedures;
    this.validation = validation;
    this.calendar = calendar;
    this.json = json;
  }

  record Applied(RecognitionView application, boolean replayed) {}

  /**
   * The city government's application (submitter+市代码, 吉林省实施意见 三(一) 市（州）政府申报): stored, checked against the
   * standard and — unless it fails it — put before the provincial government, in one transaction.
   */
  Applied apply(RecognitionRequest request, String idempotencyKey, Jurisdiction caller, List<String> groups) {
    List<FieldError> errors = validation.errors(request);
    RegionDirectory.Region county = null;
    if (errors.isEmpty()) {
      county = regions.countyOfTownship(request.townshipCode()).flatMap(regions::county).orElse(null);
      if (county == null) {
        errors.add(new FieldError("townshipCode", "未知的乡镇代码 " + request.townshipCode()));
      }
      errors.addAll(rankingErrors(request.rankings()));
    }
    if (!errors.isEmpty()) {
      throw new EvaluationInputException("申请数据有误", errors);
    }
    if (!Validation.has(groups, Role.SUBMITTER, county.cityCode())) {
      throw ApiException.forbidden("列入经济发达镇名单由镇所在的市（州）政府申报（submitter" + county.cityCode()
          + "；吉林省实施意见 三(一)、鲁厅字〔2018〕33号 七(二)）");
    }
    RegionDirectory.Region where = county;
    IdempotentRequests.Outcome created = idempotent.create(EvaluationKeys.RECOGNITION, idempotencyKey, caller.userId(),
        write(request), id -> register(id, request, where, caller.userId()));
    return new Applied(view(created.id()), created.replayed());
  }

  private List<FieldError> rankingErrors(List<RecognitionRequest.Ranking> rankings) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < rankings.size(); i++) {
      RecognitionRequest.Ranking r = rankings.get(i);
      if (r.urbanisationRank() > r.townshipCount()) {
        errors.add(new FieldError("rankings[" + i + "].urbanisationRank", "排名不能大于全省乡镇总数 " + r.townshipCount()));
      }
      if (r.revenueRank() > r.townshipCount()) {
        errors.add(new FieldError("rankings[" + i + "].revenueRank", "排名不能大于全省乡镇总数 " + r.townshipCount()));
      }
    }
    if (rankings.get(1).year() != rankings.get(0).year() + 1) {
      errors.add(new FieldError("rankings[1].year", "应为 rankings[0].year 的下一年（连续两年，鲁厅字〔2018〕33号 六(二)、吉林省实施意见 一(三)）"));
    } else if (rankings.get(1).year() > calendar.today().getYear()) {
      errors.add(new FieldError("rankings[1].year", "不能晚于今年（" + calendar.today().getYear() + "）"));
    }
    return errors;
  }

  private void register(String id, RecognitionRequest request, RegionDirectory.Region county, String actor) {
    String name = regions.townshipName(request.townshipCode()).orElseThrow();
    towns.onList(request.townshipCode()).ifPresent(t -> {
      throw ApiException.conflict(name + "已在经济发达镇名单中（" + t.enteredYear() + "年列入，" + t.entryBasis() + "）");
    });
    applications.open(request.townshipCode()).ifPresent(open -> {
      throw ApiException.conflict(name + "已有正在办理的列入申请（" + open.status().label() + "）");
    });
    Instant now = EngineClock.now();
    applications.insert(new Recognition(id, request.townshipCode(), name, county.code(), county.cityCode(), county.provinceCode(),
        request.builtUpPopulation(), request.rankings(), request.relaxed() ? request.relaxedReason().strip() : null,
        RecognitionStatus.IN_REVIEW, null, null, actor, now, now));
    runtime.createProcessInstanceByKey(EvaluationKeys.RECOGNITION).businessKey(id)
        .setVariable(EvaluationKeys.VAR_APPLICATION_ID, id).setVariable(EvaluationKeys.VAR_PROVINCE, county.provinceCode()).execute();
  }

  // --- the checks: rows of recognitionThresholds -----------------------------------------------------------------

  /** The findings of the application's figures; stores nothing. */
  List<Finding> findings(Recognition r) {
    double urbanisation = r.rankings().stream().mapToDouble(RecognitionRequest.Ranking::urbanisationPercent).max().orElseThrow();
    double revenue = r.rankings().stream().mapToDouble(RecognitionRequest.Ranking::revenuePercent).max().orElseThrow();
    var rows = decisions.evaluateLatest(EvaluationKeys.THRESHOLDS_DECISION, Variables.createVariables()
        .putValue("provinceCode", r.provinceCode()).putValue("builtUpPopulation", r.builtUpPopulation())
        .putValue("urbanisationPercent", urbanisation).putValue("revenuePercent", revenue)
        .putValue("relaxed", r.relaxedReason() != null));
    List<Finding> findings = new ArrayList<>();
    for (Map<String, Object> row : rows.getResultList()) {
      String rule = (String) row.get("rule");
      Object actual = rule.endsWith("POPULATION") ? (Object) (long) r.builtUpPopulation()
          : String.format(Locale.ROOT, "%.1f", rule.endsWith("URBANISATION") ? urbanisation : revenue);
      String message = ((String) row.get("message")).replace("{actual}", String.valueOf(actual));
      findings.add(new Finding(rule, Finding.Severity.valueOf((String) row.get("severity")), r.townshipCode(),
          r.townshipName() + "：" + message, (String) row.get("source"), rule.startsWith("GEN-") ? null : actual,
          (String) row.get("limit")));
    }
    findings.sort(Finding.ERRORS_FIRST);
    return findings;
  }

  /** The step 认定标准检查: findings stored and recorded; true when the application fails the standard. */
  boolean check(String id) {
    Recognition r = find(id);
    List<Finding> findings = findings(r);
    applications.replaceFindings(id, findings);
    long errors = Finding.errors(findings);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(EvaluationKeys.THRESHOLDS, "认定标准检查", errors > 0 ? "FAILED" : "PASSED")
        .opinion(findings.isEmpty() ? "符合认定标准" : Finding.summary(findings) + "：" + String.join("；",
            findings.stream().map(Finding::message).toList())));
    return errors > 0;
  }

  void started(String id, String processInstanceId, String actor) {
    applications.setProcessInstance(id, processInstanceId);
    Recognition r = find(id);
    record(id, actor, AuditTrail.Step.of(EvaluationKeys.APPLIED, "申请列入经济发达镇名单", Decision.SUBMIT.name())
        .opinion(r.townshipName() + "：建成区常住人口" + r.builtUpPopulation() + "人" + (r.relaxedReason() == null ? ""
            : "；申请放宽标准：" + r.relaxedReason())));
  }

  /** The provincial government's decision; APPROVE puts the town on its province's list under the decision's number. */
  void decided(String id, String decision, String number, String opinion, String actor, String taskId) {
    Recognition r = find(id);
    record(id, actor, AuditTrail.Step.of(EvaluationKeys.RECOGNITION_APPROVAL, "省政府认定", decision).opinion(opinion).task(taskId)
        .target(number));
    if (Decision.APPROVE.name().equals(decision)) {
      towns.onList(r.townshipCode()).ifPresent(t -> {
        throw ApiException.conflict(r.townshipName() + "已在经济发达镇名单中");
      });
      int year = EngineClock.now().atZone(WorkingDayCalendar.ZONE).getYear();
      towns.enter(new ListedTown(r.townshipCode(), r.townshipName(), null, r.countyCode(), r.cityCode(), r.provinceCode(), year,
          "省政府认定（" + number + "）", id, true, null, null, null, null, null));
      applications.decided(id, number);
      record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(EvaluationKeys.LIST_UPDATED, "名单调整", "ENTERED")
          .opinion(r.townshipName() + year + "年列入" + regions.province(r.provinceCode()).map(RegionDirectory.Region::name)
              .orElse("") + "经济发达镇名单（" + number + "）"));
    }
  }

  void finished(String id, RecognitionStatus status, String endEvent) {
    applications.finished(id, status);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(endEvent, status.label(), status.name()));
  }

  // --- reading ---------------------------------------------------------------------------------------------------

  RecognitionView get(String id, Jurisdiction caller) {
    Recognition r = applications.find(id).orElseThrow(() -> notFound(id));
    if (!procedures.getObject().mayRead(EvaluationKeys.RECOGNITION, id, List.of(r.townshipCode()), r.countyCode(), r.cityCode(),
        r.provinceCode(), caller)) {
      throw notFound(id);
    }
    return view(id);
  }

  RecognitionView view(String id) {
    Recognition r = find(id);
    List<String> stages = r.processInstanceId() == null ? List.of() : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(r.processInstanceId()).listPage(0, 10).stream().map(Task::getTaskDefinitionKey).distinct().toList());
    return new RecognitionView(r.id(), r.townshipCode(), r.townshipName(), region(r), r.status(), r.status().label(), stages,
        r.builtUpPopulation(), r.rankings(), r.relaxedReason(), applications.findings(id), r.decisionNumber(),
        r.processInstanceId(), r.createdBy(), r.createdAt(), audit.timeline(EvaluationKeys.RECOGNITION, id));
  }

  String region(Recognition r) {
    return regions.describeCounty(r.countyCode()) + " · " + r.townshipName();
  }

  Recognition find(String id) {
    return applications.find(id).orElseThrow(() -> new IllegalStateException("application " + id + " not stored"));
  }

  java.util.Optional<Recognition> stored(String id) {
    return applications.find(id);
  }

  RecognitionRepository.Page list(Jurisdiction caller, String provinceCode, Boolean finished, int page, int size) {
    return applications.list(caller, provinceCode, finished, page, size);
  }

  List<Finding> storedFindings(String id) {
    return applications.findings(id);
  }

  void record(String id, String actor, AuditTrail.Step step) {
    audit.record(EvaluationKeys.RECOGNITION, id, actor, step);
  }

  private String write(Object request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("申请不存在", "列入名单的申请 " + id + " 不存在或无权查看");
  }
}
