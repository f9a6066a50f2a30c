package cn.gov.reform.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.UserNames;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;

/**
 * The approval operations officials know from Chinese approval systems, once for every procedure: 转办, 委派 and
 * 交回, 加签 and 签署意见, 抄送, 催办, 撤回 and 退回到指定环节. Each checks who may do it, refuses in Chinese where the
 * rules say no and changes nothing then, records a step in the item's audit timeline (actor, target, reason, time)
 * and a comment on the task (Tasklist's 历史 tab), and runs the engine as the caller, so the engine's user
 * operation log names them too.
 *
 * <p>Sending back and recalling use process-instance modification: start the earlier stage, cancel the open one;
 * a co-signature (加签) is a second instance of the same user task started beside the first, answered and then
 * cancelled, so its token never goes on along the chain. Neither crosses an open parallel join: a stage that
 * answers into a joining parallel gateway (a joint review) cannot be sent back or recalled alone.
 */
@Service
public class TaskOperations {

  private static final Logger LOG = LoggerFactory.getLogger(TaskOperations.class);

  /** Task-local variable of a co-signer's task (加签): the id of the task it co-signs. */
  public static final String VAR_CO_SIGN_OF = "coSignOf";
  /** Prefix of the list label of a task somebody urged (催办). */
  static final String URGED = "【催办】";
  private static final String COMPLETED = "completed";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final SystemAccess system;
  private final Procedures procedures;
  private final AuditTrail audit;
  private final Copies copies;
  private final UserNames names;
  private final CurrentCaller current;
  private final Duration urgeInterval;
  private final int maxRecipients;

  public TaskOperations(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
      IdentityService identity, AuthorizationService authorizations, SystemAccess system, Procedures procedures,
      AuditTrail audit, Copies copies, UserNames names,
      CurrentCaller current, @Value("${app.operations.urge-interval}") Duration urgeInterval,
      @Value("${app.operations.copy-max-recipients}") int maxRecipients) {
    this.current = current;
    this.maxRecipients = maxRecipients;
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.identity = identity;
    this.authorizations = authorizations;
    this.system = system;
    this.procedures = procedures;
    this.audit = audit;
    this.copies = copies;
    this.names = names;
    this.urgeInterval = urgeInterval;
  }

  /** A person as officials see them. */
  @Schema(description = "人员")
  public record Person(@Schema(description = "用户 id", example = "taian2") String id,
      @Schema(description = "姓名", example = "泰安市编办审核员二") String name) {}

  /** A stage of the chain. */
  @Schema(description = "环节")
  public record StageRef(@Schema(description = "环节（任务定义 key）", example = "cityReview") String key,
      @Schema(description = "环节名称", example = "市编办审核") String name) {}

  /** An open task with what the operations need to know about it, read once per request. */
  record OpenTask(Task task, Subject subject, String processKey, List<String> candidateGroups, boolean worker,
      boolean candidate, BpmnModelInstance model) {

    String id() {
      return task.getId();
    }

    boolean assignedTo(String userId) {
      return userId.equals(task.getAssignee());
    }

    boolean pending() {
      return task.getDelegationState() == DelegationState.PENDING;
    }
  }

  // --- 转办 · 委派 · 交回 -------------------------------------------------------------------------------------

  /** 转办: the task moves to a colleague of the same role group; the previous assignee loses their grant on it. */
  @Transactional
  public void transfer(String taskId, String userId, String reason, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    mustWork(t, caller, "转办");
    mainTaskNotDelegated(t, "转办");
    Person to = colleague(t, userId, caller, "转办");
    String reasonText = reason(reason, false);
    String previous = t.task().getAssignee();
    system.call(() -> {
      tasks.setAssignee(taskId, to.id());
      if (previous != null) {
        // Camunda's default authorization provider grants the new assignee and leaves the old one's grant in place
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).userIdIn(previous)
            .listPage(0, 10).forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
      return null;
    });
    step(t, caller, "TRANSFER", reasonText, "转办给 " + to.name());
  }

  /** 委派: a colleague works the task and hands it back (交回); only then can its owner complete it. */
  @Transactional
  public void delegate(String taskId, String userId, String reason, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    mustWork(t, caller, "委派");
    mainTaskNotDelegated(t, "委派");
    Person to = colleague(t, userId, caller, "委派");
    String reasonText = reason(reason, false);
    system.call(() -> {
      if (t.task().getAssignee() == null) {
        tasks.setAssignee(taskId, caller.userId());
      }
      tasks.delegateTask(taskId, to.id());
      return null;
    });
    step(t, caller, "DELEGATE", reasonText, "委派给 " + to.name());
  }

  /** 交回: the delegate hands the task back to its owner with their opinion; the delegate's grant on it ends. */
  @Transactional
  public void resolve(String taskId, String opinion, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    if (!t.pending()) {
      throw ApiException.conflict("该任务没有委派给他人办理，无需交回");
    }
    if (!t.assignedTo(caller.userId())) {
      throw ApiException.forbidden("只有受委派人" + name(t.task().getAssignee()) + "可以交回该任务");
    }
    String text = text("reason", "意见", opinion, false);
    String owner = t.task().getOwner();
    system.call(() -> {
      tasks.resolveTask(taskId);
      if (!caller.userId().equals(owner)) {
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
            .userIdIn(caller.userId()).listPage(0, 10).forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
      return null;
    });
    step(t, caller, "RESOLVE", text, "交回 " + name(owner));
  }

  // --- 加签 · 签署意见 ------------------------------------------------------------------------------------------

  /**
   * 加签: a second instance of the same stage, beside this one, for the co-signer; this task cannot be completed
   * until the co-signer answered (签署意见).
   */
  @Transactional
  public void addCoSigner(String taskId, String userId, String reason, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    mustWork(t, caller, "加签");
    mainTaskNotDelegated(t, "加签");
    if (element(t, t.task().getTaskDefinitionKey()) instanceof Activity a && a.getLoopCharacteristics() != null) {
      throw ApiException.conflict("“" + t.task().getName() + "”本身是多方并行会审，不能再加签");
    }
    Person signer = coSigner(t, userId, caller);
    if (!coSignTasks(t).stream().filter(c -> signer.id().equals(c.getAssignee())).toList().isEmpty()) {
      throw ApiException.conflict(signer.name() + "已在为本任务加签，尚未签署意见");
    }
    String reasonText = reason(reason, false);
    String key = t.task().getTaskDefinitionKey();
    String processInstanceId = t.task().getProcessInstanceId();
    Set<String> before = openTaskIds(processInstanceId, key);
    system.call(() -> {
      if (t.task().getAssignee() == null) {
        tasks.setAssignee(taskId, caller.userId());
      }
      runtime.createProcessInstanceModification(processInstanceId).startBeforeActivity(key).execute();
      return null;
    });
    Task added = system.call(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .listPage(0, 100).stream().filter(x -> !before.contains(x.getId())).findFirst().orElseThrow());
    system.call(() -> {
      tasks.setVariableLocal(added.getId(), VAR_CO_SIGN_OF, taskId);
      added.setName(t.task().getName() + "（加签）");
      tasks.saveTask(added);
      tasks.setAssignee(added.getId(), signer.id());
      return null;
    });
    step(t, caller, "ADD_SIGNER", reasonText, "加签 " + signer.name());
  }

  /** The co-signer's answer to a 加签: agree or not, with an opinion (required to disagree); their task then ends. */
  @Transactional
  public void coSign(String taskId, Boolean agree, String opinion, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    Object of = system.call(() -> tasks.getVariableLocal(taskId, VAR_CO_SIGN_OF));
    if (of == null) {
      throw ApiException.conflict("这不是加签任务：请在表单中办理");
    }
    if (!t.assignedTo(caller.userId())) {
      throw ApiException.forbidden("只有加签人" + name(t.task().getAssignee()) + "可以签署意见");
    }
    if (agree == null) {
      throw new OperationInputException("agree", "请选择同意或不同意");
    }
    String text = text("opinion", agree ? "意见" : "不同意的意见", opinion, !agree);
    String processInstanceId = t.task().getProcessInstanceId();
    String activityInstanceId = system.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
        .getActivityInstanceId());
    audit.record(t.processKey(), t.subject().businessKey(), caller.userId(),
        AuditTrail.Step.of(t.task().getTaskDefinitionKey(), t.task().getName(), "CO_SIGN")
            .opinion((agree ? "同意" : "不同意") + (text == null ? "" : "：" + text)).task((String) of).target("加签意见"));
    comment((String) of, processInstanceId, "加签意见（" + name(caller.userId()) + "）：" + (agree ? "同意" : "不同意")
        + (text == null ? "" : "。" + text));
    system.call(() -> {
      runtime.createProcessInstanceModification(processInstanceId).cancelActivityInstance(activityInstanceId)
          .execute(true, true);
      return null;
    });
    LOG.info("{} {} co-signed task {} of {}", caller.userId(), agree ? "agreed" : "disagreed", of, t.subject().businessKey());
  }

  // --- 抄送 · 催办 ----------------------------------------------------------------------------------------------

  /** 抄送: officials (or every member of groups) may read the item and its timeline from now on; they work nothing. */
  @Transactional
  public List<Person> copy(String taskId, List<String> userIds, List<String> groupIds, String reason, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    mustWork(t, caller, "抄送");
    List<String> users = userIds == null ? List.of() : userIds;
    List<String> groups = groupIds == null ? List.of() : groupIds;
    if (users.isEmpty() && groups.isEmpty()) {
      throw new OperationInputException("userIds", "请选择抄送给哪些人员或岗位");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> recipients = new LinkedHashSet<>();
    for (String u : users) {
      if (u == null || user(u) == null) {
        errors.add(new FieldError("userIds", "用户“" + u + "”不存在"));
      } else {
        recipients.add(u);
      }
    }
    for (String g : groups) {
      if (g == null || system.call(() -> identity.createGroupQuery().groupId(g).count()) == 0) {
        errors.add(new FieldError("groupIds", "岗位（用户组）“" + g + "”不存在"));
      } else {
        system.call(() -> identity.createUserQuery().memberOfGroup(g).listPage(0, maxRecipients + 1))
            .forEach(u -> recipients.add(u.getId()));
      }
    }
    if (!errors.isEmpty()) {
      throw new OperationInputException(errors);
    }
    recipients.remove(caller.userId());
    if (recipients.size() > maxRecipients) {
      throw new OperationInputException("groupIds", "一次最多抄送" + maxRecipients + "人");
    }
    String reasonText = reason(reason, false);
    List<String> added = copies.send(t.processKey(), t.subject().businessKey(), List.copyOf(recipients), caller.userId(),
        reasonText);
    if (added.isEmpty()) {
      throw ApiException.conflict("所选人员均已收到本事项的抄送");
    }
    Map<String, String> display = names.of(added);
    List<Person> people = added.stream().map(id -> new Person(id, display.get(id))).toList();
    step(t, caller, "COPY", reasonText, "抄送 " + String.join("、", people.stream().map(Person::name).toList()));
    return people;
  }

  /**
   * 催办: somebody who may read the item but does not work this task reminds whoever does. At most once per
   * {@code app.operations.urge-interval} a task; the task's list label then starts with 【催办】.
   */
  @Transactional
  public void urge(String taskId, String reason, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    if (t.worker() || t.candidate() || t.assignedTo(caller.userId())) {
      throw ApiException.forbidden("催办是提醒办理人，不能催办本岗位或自己的任务");
    }
    String reasonText = reason(reason, false);
    Instant now = EngineClock.now();
    audit.ofTask(t.processKey(), t.subject().businessKey(), taskId).stream()
        .filter(e -> "URGE".equals(e.decision()) && e.at().plus(urgeInterval).isAfter(now)).reduce((a, b) -> b)
        .ifPresent(last -> {
          throw ApiException.tooSoon("该任务已于" + Dates.text(last.at()) + "由" + name(last.actor()) + "催办，"
              + Dates.text(last.at().plus(urgeInterval)) + "后才能再次催办");
        });
    String whom = t.task().getAssignee() != null ? name(t.task().getAssignee())
        : String.join("、", t.candidateGroups().stream().map(this::groupName).toList());
    step(t, caller, "URGE", reasonText, "催办 " + whom);
    system.call(() -> {
      Object label = tasks.getVariableLocal(taskId, DerivedFormTexts.SUBJECT_LABEL);
      if (label instanceof String text && !text.startsWith(URGED)) {
        tasks.setVariableLocal(taskId, DerivedFormTexts.SUBJECT_LABEL, URGED + text);
      }
      return null;
    });
  }

  // --- 退回到指定环节 · 撤回 -------------------------------------------------------------------------------------

  /**
   * 退回到指定环节: the task's stage ends and an earlier stage of the path actually taken starts again, assigned
   * to whoever answered it last if they still hold its role.
   */
  @Transactional
  public void sendBack(String taskId, String stageKey, String reason, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    mustWork(t, caller, "退回");
    mainTaskNotDelegated(t, "退回");
    if (!coSignTasks(t).isEmpty()) {
      throw ApiException.conflict("尚有加签人未签署意见，不能退回");
    }
    if (inParallelBlock(t.model(), t.task().getTaskDefinitionKey())) {
      throw ApiException.conflict("“" + t.task().getName() + "”是并行会审的一方，其他各方尚未全部答复，不能单独退回到之前的环节；"
          + "请在表单中选择退回修改");
    }
    List<StageRef> targets = returnTargets(t);
    if (stageKey == null || stageKey.isBlank()) {
      throw new OperationInputException("stage", "请选择退回到哪个环节");
    }
    StageRef target = targets.stream().filter(s -> s.key().equals(stageKey)).findFirst()
        .orElseThrow(() -> new OperationInputException("stage", targets.isEmpty() ? "本事项尚未经过可以退回的环节"
            : "只能退回到本事项已经过的环节：" + String.join("、", targets.stream().map(StageRef::name).toList())));
    String reasonText = reason(reason, true);
    String processInstanceId = t.task().getProcessInstanceId();
    String previous = lastActor(t.processKey(), t.subject().businessKey(), processInstanceId, target.key());
    restart(processInstanceId, target.key(), () -> List.of(t.task()), t.model());
    Task again = newTask(processInstanceId, target.key());
    if (previous != null && isCandidate(again, previous)) {
      system.call(() -> {
        tasks.setAssignee(again.getId(), previous);
        return null;
      });
    }
    sentBack(t.processKey(), processInstanceId, t.subject().businessKey(), target.key());
    audit.record(t.processKey(), t.subject().businessKey(), caller.userId(),
        AuditTrail.Step.of(t.task().getTaskDefinitionKey(), t.task().getName(), "SEND_BACK").opinion(reasonText)
            .task(taskId).target("退回到 " + target.name()));
    comment(again.getId(), processInstanceId, "由" + name(caller.userId()) + "从“" + t.task().getName() + "”退回：" + reasonText);
  }

  /**
   * 撤回: whoever answered the latest stage takes the answer back while the next stage has neither been claimed
   * nor answered. Races with a claim are settled by the engine's optimistic locking: the loser gets 409.
   */
  @Transactional
  public void recall(String processKey, String businessKey, String reason, Jurisdiction caller) {
    Subject subject = procedures.visible(processKey, businessKey, caller)
        .orElseThrow(() -> ApiException.notFound("事项不存在", "事项 " + businessKey + " 不存在或无权查看"));
    String processInstanceId = subject.processInstanceId();
    boolean running = processInstanceId != null
        && system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()) > 0;
    if (!running) {
      throw ApiException.conflict("该事项已办结，不能撤回");
    }
    BpmnModelInstance model = model(system.call(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult().getProcessDefinitionId()));
    HistoricTaskInstance last = system.call(() -> history.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 200))
        .stream().filter(h -> COMPLETED.equals(h.getDeleteReason()) && !isSide(model, h.getTaskDefinitionKey()))
        .findFirst().orElseThrow(() -> ApiException.conflict("本事项尚无可以撤回的办理"));
    String actor = actorOf(processKey, businessKey, last);
    if (!caller.userId().equals(actor)) {
      boolean actedBefore = audit.timeline(processKey, businessKey).stream()
          .anyMatch(e -> caller.userId().equals(e.actor()) && !OperationsView.OPERATIONS.contains(e.decision()));
      if (actedBefore) {
        throw ApiException.conflict("下一环节“" + last.getName() + "”已由" + name(actor) + "办理，不能撤回");
      }
      throw ApiException.forbidden("只有“" + last.getName() + "”的办理人" + name(actor) + "可以撤回");
    }
    if (inParallelBlock(model, last.getTaskDefinitionKey())) {
      throw ApiException.conflict("“" + last.getName() + "”是并行会审中的答复，不能单独撤回");
    }
    // a decision whose official document is out stands: a correction is a new document, not a recall
    audit.ofTask(processKey, businessKey, last.getId()).stream().filter(e -> AuditTrail.DOCUMENT.equals(e.decision()))
        .findFirst().ifPresent(e -> {
          throw ApiException.conflict("“" + last.getName() + "”的决定已印发公文（" + e.target() + "），不能撤回；如需更正，请另行发文");
        });
    String reasonText = reason(reason, true);
    // checked in the command that ends them: the tasks it read are the ones it deletes, with the revision it saw,
    // so a claim committed in between makes the deletion fail (optimistic locking) instead of being overridden
    List<Task> next = restart(processInstanceId, last.getTaskDefinitionKey(), () -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).listPage(0, 200).stream()
          .filter(x -> !isSide(model, x.getTaskDefinitionKey())).toList();
      if (open.isEmpty()) {
        throw ApiException.conflict("下一环节尚未开始（系统正在处理，如政策校验），请稍后再撤回");
      }
      for (Task x : open) {
        if (x.getAssignee() != null) {
          throw ApiException.conflict("下一环节“" + x.getName() + "”已由" + name(x.getAssignee()) + "认领，不能撤回");
        }
        if (x.getCreateTime().toInstant().isBefore(last.getEndTime().toInstant())) {
          throw ApiException.conflict("“" + x.getName() + "”在您办理之前已经开始，不能撤回");
        }
      }
      return open;
    }, model);
    Task again = newTask(processInstanceId, last.getTaskDefinitionKey());
    system.call(() -> {
      tasks.setAssignee(again.getId(), caller.userId());
      return null;
    });
    sentBack(processKey, processInstanceId, businessKey, last.getTaskDefinitionKey());
    audit.record(processKey, businessKey, caller.userId(), AuditTrail.Step.of(last.getTaskDefinitionKey(), last.getName(),
        "RECALL").opinion(reasonText).task(again.getId())
        .target("撤回 " + String.join("、", next.stream().map(Task::getName).distinct().toList())));
    comment(again.getId(), processInstanceId, name(caller.userId()) + "撤回了“" + last.getName() + "”的办理：" + reasonText);
    LOG.info("{} recalled {} of {}", caller.userId(), last.getTaskDefinitionKey(), businessKey);
  }

  /**
   * Starts {@code stageKey} again, then ends the stages of the open tasks {@code ending} reads (in that order: the
   * instance never empties), all in one command; answers those tasks.
   */
  private List<Task> restart(String processInstanceId, String stageKey, java.util.function.Supplier<List<Task>> ending,
      BpmnModelInstance model) {
    try {
      return system.call(() -> {
        List<Task> ended = ending.get();
        ProcessInstanceModificationBuilder change = runtime.createProcessInstanceModification(processInstanceId)
            .startBeforeActivity(stageKey);
        ended.stream().map(Task::getTaskDefinitionKey).distinct().forEach(key -> change.cancelAllForActivity(
            element(model, key) instanceof Activity a && a.getLoopCharacteristics() != null ? key + "#multiInstanceBody" : key));
        change.execute();
        return ended;
      });
    } catch (OptimisticLockingException e) {
      LOG.info("send-back or recall to {} of instance {} lost a race: {}", stageKey, processInstanceId, e.getMessage());
      throw ApiException.conflict("下一环节刚刚被他人认领或办理，操作未执行，请刷新后再试");
    }
  }

  /** The procedure's own bookkeeping after a send-back (the caller's rights were checked by the operation). */
  private void sentBack(String processKey, String processInstanceId, String businessKey, String stageKey) {
    procedures.of(processKey).ifPresent(p -> system.call(() -> {
      p.sentBackTo(processInstanceId, businessKey, stageKey);
      return null;
    }));
  }

  // --- what a caller may do at a task ----------------------------------------------------------------------

  /** The task's operations as the Tasklist tab 审批操作 and {@code GET /api/tasks/{id}/operations} show them. */
  public OperationsView view(String taskId, Jurisdiction caller) {
    OpenTask t = open(taskId, caller);
    boolean coSign = system.call(() -> tasks.getVariableLocal(taskId, VAR_CO_SIGN_OF)) != null;
    boolean mine = t.worker() || t.assignedTo(caller.userId());
    boolean main = !coSign && !t.pending() && mine;
    List<Task> coSigns = coSign ? List.of() : coSignTasks(t);
    List<StageRef> targets = main && !inParallelBlock(t.model(), t.task().getTaskDefinitionKey()) ? returnTargets(t) : List.of();
    OperationsView.Allowed allowed = new OperationsView.Allowed(main, main, t.pending() && t.assignedTo(caller.userId()),
        main && !(element(t, t.task().getTaskDefinitionKey()) instanceof Activity a && a.getLoopCharacteristics() != null),
        coSign && t.assignedTo(caller.userId()), mine, !mine && !t.candidate(), main && coSigns.isEmpty() && !targets.isEmpty());
    List<TimelineEntry> steps = audit.ofTask(t.processKey(), t.subject().businessKey(), taskId);
    Map<String, String> display = names.of(steps.stream().map(TimelineEntry::actor).toList());
    return new OperationsView(taskId, t.task().getName(), t.subject(), person(t.task().getAssignee()),
        person(t.task().getOwner()), t.task().getDelegationState() == null ? null : t.task().getDelegationState().name(),
        coSign, coSigns.stream().map(c -> person(c.getAssignee())).toList(), main ? colleagues(t, caller) : List.of(),
        allowed.addCoSigner() ? coSignerCandidates(t, caller) : List.of(), targets,
        steps.stream().map(e -> new OperationsView.Step(e.decision(), display.get(e.actor()), e.at(), e.target(), e.opinion()))
            .toList(),
        allowed);
  }

  // --- reading and checking ----------------------------------------------------------------------------------

  private OpenTask open(String taskId, Jurisdiction caller) {
    Task task = taskId == null ? null
        : system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw ApiException.notFound("任务不存在", "任务 " + taskId + " 不存在或已办结");
    }
    String processKey = system.call(() -> repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    String businessKey = system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey());
    Subject subject = procedures.visible(processKey, businessKey, caller)
        .orElseThrow(() -> ApiException.notFound("任务不存在", "任务 " + taskId + " 不存在或已办结"));
    List<String> groups = system.call(() -> tasks.getIdentityLinksForTask(taskId)).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
        .toList();
    // the groups the caller's authentication carries (the filter read them for this request): no second lookup
    Set<String> mine = Set.copyOf(current.groupIds());
    boolean candidate = groups.stream().anyMatch(mine::contains);
    boolean worker = caller.userId().equals(task.getAssignee()) || task.getAssignee() == null && candidate;
    return new OpenTask(task, subject, processKey, groups, worker, candidate, model(task.getProcessDefinitionId()));
  }

  private void mustWork(OpenTask t, Jurisdiction caller, String what) {
    if (!t.worker()) {
      throw ApiException.forbidden(t.task().getAssignee() == null
          ? "只有本任务候选岗位（" + String.join("、", t.candidateGroups()) + "）的人员可以" + what
          : "本任务由" + name(t.task().getAssignee()) + "办理，只有办理人可以" + what);
    }
  }

  private void mainTaskNotDelegated(OpenTask t, String what) {
    if (system.call(() -> tasks.getVariableLocal(t.id(), VAR_CO_SIGN_OF)) != null) {
      throw ApiException.conflict("加签任务只能签署意见，不能" + what);
    }
    if (t.pending()) {
      throw ApiException.conflict("该任务已委派给" + name(t.task().getAssignee()) + "，交回后才能" + what);
    }
  }

  /** A member of one of the task's candidate groups (the same role), not the caller. */
  private Person colleague(OpenTask t, String userId, Jurisdiction caller, String what) {
    if (userId == null || userId.isBlank()) {
      throw new OperationInputException("userId", "请选择" + what + "给谁");
    }
    if (userId.equals(caller.userId())) {
      throw new OperationInputException("userId", "不能" + what + "给自己");
    }
    User user = user(userId);
    boolean member = user != null && t.candidateGroups().stream().anyMatch(g ->
        system.call(() -> identity.createUserQuery().userId(userId).memberOfGroup(g).count()) > 0);
    if (!member) {
      throw new OperationInputException("userId", "“" + (user == null ? userId : UserNames.display(user)) + "”不是本任务岗位（"
          + String.join("、", t.candidateGroups().stream().map(this::groupName).toList()) + "）的人员，只能" + what + "给同一岗位的同事");
    }
    return new Person(userId, UserNames.display(user));
  }

  /** A member of any role group of the task's region (e.g. the city's 编办 or its leaders), not the caller. */
  private Person coSigner(OpenTask t, String userId, Jurisdiction caller) {
    if (userId == null || userId.isBlank()) {
      throw new OperationInputException("userId", "请选择加签人");
    }
    if (userId.equals(caller.userId())) {
      throw new OperationInputException("userId", "不能给自己加签");
    }
    User user = user(userId);
    Set<String> regions = regions(t);
    boolean sameRegion = user != null && system.call(() -> identity.createGroupQuery().groupMember(userId).listPage(0, 200))
        .stream().anyMatch(g -> Role.parse(g.getId()).map(m -> regions.contains(m.regionCode())).orElse(false));
    if (!sameRegion) {
      throw new OperationInputException("userId", "“" + (user == null ? userId : UserNames.display(user))
          + "”不在本任务所属单位（" + String.join("、", regions) + "）的岗位中，不能加签");
    }
    return new Person(userId, UserNames.display(user));
  }

  private Set<String> regions(OpenTask t) {
    Set<String> regions = new LinkedHashSet<>();
    t.candidateGroups().forEach(g -> Role.parse(g).ifPresent(m -> regions.add(m.regionCode())));
    return regions;
  }

  private List<Person> colleagues(OpenTask t, Jurisdiction caller) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String g : t.candidateGroups()) {
      system.call(() -> identity.createUserQuery().memberOfGroup(g).orderByUserId().asc().listPage(0, 200))
          .forEach(u -> people.putIfAbsent(u.getId(), new Person(u.getId(), UserNames.display(u))));
    }
    people.remove(caller.userId());
    return List.copyOf(people.values());
  }

  private List<Person> coSignerCandidates(OpenTask t, Jurisdiction caller) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String region : regions(t)) {
      for (Role role : Role.values()) {
        String g = role.group(region);
        system.call(() -> identity.createUserQuery().memberOfGroup(g).orderByUserId().asc().listPage(0, 100))
            .forEach(u -> people.putIfAbsent(u.getId(), new Person(u.getId(), UserNames.display(u))));
      }
    }
    people.remove(caller.userId());
    coSignTasks(t).forEach(c -> people.remove(c.getAssignee()));
    return List.copyOf(people.values());
  }

  private List<Task> coSignTasks(OpenTask t) {
    return system.call(() -> tasks.createTaskQuery().processInstanceId(t.task().getProcessInstanceId())
        .taskVariableValueEquals(VAR_CO_SIGN_OF, t.id()).listPage(0, 50));
  }

  /** Stages of the path actually taken: completed, in the main chain, not inside a parallel block, not this one. */
  private List<StageRef> returnTargets(OpenTask t) {
    String current = t.task().getTaskDefinitionKey();
    Map<String, StageRef> targets = new LinkedHashMap<>();
    String start = procedures.of(t.processKey()).map(Procedure::startStage).orElse(null);
    if (start != null && !start.equals(current) && element(t, start) instanceof FlowNode n) {
      targets.put(start, new StageRef(start, n.getName()));
    }
    system.call(() -> history.createHistoricTaskInstanceQuery().processInstanceId(t.task().getProcessInstanceId())
        .finished().orderByHistoricTaskInstanceEndTime().asc().listPage(0, 500)).stream()
        .filter(h -> COMPLETED.equals(h.getDeleteReason()))
        .filter(h -> !h.getTaskDefinitionKey().equals(current))
        .filter(h -> !isSide(t.model(), h.getTaskDefinitionKey()) && !inParallelBlock(t.model(), h.getTaskDefinitionKey()))
        .forEach(h -> targets.putIfAbsent(h.getTaskDefinitionKey(), new StageRef(h.getTaskDefinitionKey(),
            Objects.requireNonNullElse(element(t, h.getTaskDefinitionKey()) instanceof FlowNode n ? n.getName() : null,
                h.getName()))));
    return List.copyOf(targets.values());
  }

  private String lastActor(String processKey, String businessKey, String processInstanceId, String stageKey) {
    return system.call(() -> history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(stageKey).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 20)).stream()
        .filter(h -> COMPLETED.equals(h.getDeleteReason())).findFirst().map(h -> actorOf(processKey, businessKey, h))
        .orElse(null);
  }

  /** Who completed a task: its decision's actor in the timeline (engine REST may complete without claiming), else its assignee. */
  private String actorOf(String processKey, String businessKey, HistoricTaskInstance h) {
    return audit.ofTask(processKey, businessKey, h.getId()).stream()
        .filter(e -> !OperationsView.OPERATIONS.contains(e.decision()) && !AuditTrail.DOCUMENT.equals(e.decision()))
        .map(TimelineEntry::actor)
        .reduce((a, b) -> b).orElse(h.getAssignee());
  }

  private boolean isCandidate(Task task, String userId) {
    return system.call(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .anyMatch(l -> system.call(() -> identity.createUserQuery().userId(userId).memberOfGroup(l.getGroupId()).count()) > 0);
  }

  private Set<String> openTaskIds(String processInstanceId, String key) {
    Set<String> ids = new java.util.HashSet<>();
    system.call(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).listPage(0, 100))
        .forEach(x -> ids.add(x.getId()));
    return ids;
  }

  private Task newTask(String processInstanceId, String key) {
    return system.call(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .listPage(0, 100)).stream().max(Comparator.comparing(Task::getCreateTime)).orElseThrow();
  }

  private BpmnModelInstance model(String processDefinitionId) {
    return system.call(() -> repository.getBpmnModelInstance(processDefinitionId));
  }

  private static ModelElementInstance element(OpenTask t, String key) {
    return element(t.model(), key);
  }

  private static ModelElementInstance element(BpmnModelInstance model, String key) {
    return model.getModelElementById(key);
  }

  /** A task outside the chain: in an event subprocess (督办 and the like), beside the approval. */
  static boolean isSide(BpmnModelInstance model, String key) {
    return element(model, key) instanceof FlowNode node && node.getParentElement() instanceof SubProcess sub
        && sub.triggeredByEvent();
  }

  /** A stage inside a parallel block: multi-instance, or answering straight into a joining parallel or inclusive gateway. */
  static boolean inParallelBlock(BpmnModelInstance model, String key) {
    if (!(element(model, key) instanceof FlowNode node)) {
      return false;
    }
    if (node instanceof Activity a && a.getLoopCharacteristics() != null) {
      return true;
    }
    for (SequenceFlow out : node.getOutgoing()) {
      FlowNode target = out.getTarget();
      if ((target instanceof ParallelGateway || target instanceof InclusiveGateway) && target.getIncoming().size() > 1) {
        return true;
      }
    }
    return false;
  }

  private void step(OpenTask t, Jurisdiction caller, String operation, String reason, String target) {
    audit.record(t.processKey(), t.subject().businessKey(), caller.userId(),
        AuditTrail.Step.of(t.task().getTaskDefinitionKey(), t.task().getName(), operation).opinion(reason).task(t.id())
            .target(target));
    comment(t.id(), t.task().getProcessInstanceId(), OperationsView.label(operation) + "（" + name(caller.userId()) + "）："
        + target + (reason == null ? "" : "。" + reason));
    LOG.info("{} {} task {} of {}: {}", caller.userId(), operation, t.id(), t.subject().businessKey(), target);
  }

  /** A comment on the task, by the caller: Tasklist's 历史 tab shows it with the engine's own entries. */
  private void comment(String taskId, String processInstanceId, String text) {
    system.call(() -> tasks.createComment(taskId, processInstanceId, text.length() > 4000 ? text.substring(0, 4000) : text));
  }

  private static String reason(String text, boolean required) {
    return text("reason", "理由", text, required);
  }

  private static String text(String field, String label, String text, boolean required) {
    if (required && (text == null || text.isBlank())) {
      throw new OperationInputException(field, "请填写" + label);
    }
    if (text != null && text.length() > Opinions.MAX) {
      throw new OperationInputException(field, label + "不能超过" + Opinions.MAX + "字（现为" + text.length() + "字）");
    }
    return text == null || text.isBlank() ? null : text.strip();
  }

  private User user(String userId) {
    return system.call(() -> identity.createUserQuery().userId(userId).singleResult());
  }

  private Person person(String userId) {
    return userId == null ? null : new Person(userId, name(userId));
  }

  private String name(String userId) {
    return userId == null ? "（未指定）" : names.of(List.of(userId)).get(userId);
  }

  private String groupName(String groupId) {
    var group = system.call(() -> identity.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
