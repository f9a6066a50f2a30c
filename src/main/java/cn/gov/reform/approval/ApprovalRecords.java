package cn.gov.reform.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.UserNames;

/**
 * The record of an item for whoever may see it ({@link Procedures#visible}), finished or not: its timeline
 * ({@link AuditTrail}) joined with the engine's task history for the working days each stage took, the way it took
 * through the diagram ({@link TakenPath}), and what its procedure adds. The engine is read without the caller's
 * authorizations only after that check (Community Cockpit shows no finished instances; this is where they are read).
 */
@Service
public class ApprovalRecords {

  /** More than any item's history holds; below the engine's query limit. */
  static final int MAX_ROWS = 2000;

  private final Procedures procedures;
  private final AuditTrail audit;
  private final HistoryService history;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final SystemAccess system;
  private final UserNames names;
  private final WorkingDayCalendar calendar;

  public ApprovalRecords(Procedures procedures, AuditTrail audit, HistoryService history, RepositoryService repository,
      TaskService tasks, SystemAccess system, UserNames names, WorkingDayCalendar calendar) {
    this.procedures = procedures;
    this.audit = audit;
    this.history = history;
    this.repository = repository;
    this.tasks = tasks;
    this.system = system;
    this.names = names;
    this.calendar = calendar;
  }

  /** The item's record; empty for an unknown item or one the caller may not see. */
  public Optional<ApprovalRecord> of(String processKey, String businessKey, Jurisdiction caller) {
    return procedures.visible(processKey, businessKey, caller).map(this::record);
  }

  /** The record of the item a process instance is about (Tasklist and Cockpit know the instance, not the item). */
  public Optional<ApprovalRecord> ofInstance(String processInstanceId, Jurisdiction caller) {
    HistoricProcessInstance pi = instance(processInstanceId);
    if (pi == null || pi.getBusinessKey() == null) {
      return Optional.empty();
    }
    return procedures.visible(pi.getProcessDefinitionKey(), pi.getBusinessKey(), caller)
        .filter(s -> processInstanceId.equals(s.processInstanceId())).map(this::record);
  }

  /** The BPMN XML of the definition version the item runs or ran on; empty as {@link #of}, or without an instance. */
  public Optional<String> diagram(String processKey, String businessKey, Jurisdiction caller) {
    return procedures.visible(processKey, businessKey, caller).map(s -> instance(s.processInstanceId()))
        .map(pi -> system.call(() -> {
          try (InputStream xml = repository.getProcessModel(pi.getProcessDefinitionId())) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
  }

  /** A page of the procedure's finished (or running) items the caller may see; empty for an unknown procedure. */
  public Optional<ApprovalRecord.Page> list(String processKey, boolean finished, int page, int size, Jurisdiction caller) {
    return procedures.of(processKey).map(procedure -> {
      SubjectPage subjects = procedure.subjects(caller, finished, page, size);
      List<Subject> visible = subjects.items().stream()
          .filter(s -> caller.canSee(s.countyCode(), s.cityCode(), s.provinceCode())).toList();
      Set<String> ids = visible.stream().map(Subject::processInstanceId).filter(id -> id != null).collect(Collectors.toSet());
      Map<String, HistoricProcessInstance> instances = ids.isEmpty() ? Map.of() : system.call(() -> history
          .createHistoricProcessInstanceQuery().processInstanceIds(ids).listPage(0, ids.size())).stream()
          .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
      Map<String, List<String>> openStages = new LinkedHashMap<>();
      if (!finished && !ids.isEmpty()) {
        system.call(() -> tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).orderByTaskCreateTime().asc()
            .listPage(0, MAX_ROWS)).forEach(t -> openStages.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>())
                .add(t.getName()));
      }
      List<ApprovalRecord.Summary> items = visible.stream().map(s -> {
        HistoricProcessInstance pi = s.processInstanceId() == null ? null : instances.get(s.processInstanceId());
        return new ApprovalRecord.Summary(s, pi == null ? null : pi.getProcessDefinitionId(),
            pi == null ? null : pi.getProcessDefinitionVersion(), pi == null ? null : instant(pi.getStartTime()),
            pi == null ? null : instant(pi.getEndTime()),
            openStages.getOrDefault(s.processInstanceId(), List.of()).stream().distinct().toList());
      }).toList();
      return new ApprovalRecord.Page(items, page, size, subjects.total());
    });
  }

  private ApprovalRecord record(Subject subject) {
    Procedure procedure = procedures.of(subject.processKey()).orElseThrow();
    List<AuditTrail.Recorded> steps = audit.steps(subject.processKey(), subject.businessKey());
    HistoricProcessInstance pi = instance(subject.processInstanceId());
    if (pi == null) {
      return new ApprovalRecord(subject, null, null, null, new ApprovalRecord.Path(List.of(), List.of(), List.of(), List.of()),
          stages(procedure, steps, List.of()), procedure.recordSections(subject.businessKey()));
    }
    List<HistoricTaskInstance> taskHistory = system.call(() -> history.createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId()).orderByHistoricActivityInstanceStartTime().asc().listPage(0, MAX_ROWS));
    List<HistoricActivityInstance> activities = system.call(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .listPage(0, MAX_ROWS));
    ProcessDefinition definition = system.call(() -> repository.getProcessDefinition(pi.getProcessDefinitionId()));
    ApprovalRecord.Path path = TakenPath.of(system.call(() -> repository.getBpmnModelInstance(definition.getId())), activities);
    return new ApprovalRecord(subject,
        new ApprovalRecord.Definition(definition.getId(), definition.getKey(), definition.getName(), definition.getVersion()),
        instant(pi.getStartTime()), instant(pi.getEndTime()), path, stages(procedure, steps, taskHistory),
        procedure.recordSections(subject.businessKey()));
  }

  /**
   * Every timeline entry, an entry recorded when its task was completed with the working days from the task's
   * creation to its completion (as the dashboard's 各环节平均用时 counts them); then the tasks still open, with the
   * working days they have waited so far.
   */
  private List<ApprovalRecord.StageRecord> stages(Procedure procedure, List<AuditTrail.Recorded> steps,
      List<HistoricTaskInstance> taskHistory) {
    Map<String, HistoricTaskInstance> byId = taskHistory.stream()
        .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
    List<HistoricTaskInstance> open = taskHistory.stream().filter(t -> t.getEndTime() == null).toList();
    Set<String> people = new HashSet<>();
    steps.forEach(s -> people.add(s.entry().actor()));
    open.forEach(t -> people.add(t.getAssignee()));
    Map<String, String> display = names.of(people);
    List<ApprovalRecord.StageRecord> stages = new ArrayList<>();
    for (AuditTrail.Recorded step : steps) {
      TimelineEntry e = step.entry();
      HistoricTaskInstance task = step.taskId() == null ? null : byId.get(step.taskId());
      // an approval operation (转办, 加签 …) is a step at the task, not its answer: its word, whom, why; no duration
      boolean operation = OperationsView.OPERATIONS.contains(e.decision());
      boolean completion = !operation && task != null && task.getEndTime() != null
          && e.stage().equals(task.getTaskDefinitionKey());
      String label = operation ? OperationsView.label(e.decision()) : procedure.decisionLabel(e.stage(), e.decision());
      stages.add(new ApprovalRecord.StageRecord(e.stage(), e.stageName(), e.actor(), display.getOrDefault(e.actor(), e.actor()),
          completion ? instant(task.getStartTime()) : null, e.at(), e.decision(), label,
          e.opinion(), e.target(), completion ? calendar.between(instant(task.getStartTime()), instant(task.getEndTime())) : null,
          e.version(), false));
    }
    Instant now = EngineClock.now();
    for (HistoricTaskInstance task : open) {
      String assignee = task.getAssignee();
      stages.add(new ApprovalRecord.StageRecord(task.getTaskDefinitionKey(), task.getName(), assignee,
          assignee == null ? "尚未认领" : display.getOrDefault(assignee, assignee), instant(task.getStartTime()), null, null,
          "办理中", null, null, calendar.between(instant(task.getStartTime()), now), null, true));
    }
    return stages;
  }

  private HistoricProcessInstance instance(String processInstanceId) {
    return processInstanceId == null ? null : system.call(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
