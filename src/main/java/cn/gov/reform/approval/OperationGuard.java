package cn.gov.reform.approval;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.UserNames;

/**
 * What Camunda's {@code complete()} does not check and the approval operations need, for every user task of every
 * procedure (a parse listener adds it, so no model has to declare it): an assigned task is completed by its
 * assignee only (Camunda lets any holder of a grant complete it, so a transferred task would stay open to its
 * previous assignee through the role group's grant); a task delegated (委派) and not yet handed
 * back cannot be completed — not by the delegate, not by anyone; a task waiting for a co-signature (加签) cannot be
 * completed before the co-signer answered; a co-signer's task is answered by 签署意见, never completed (its token
 * must not go on along the chain).
 */
@Component
class OperationGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = cfg.getCustomPreBPMNParseListeners() == null
        ? new java.util.ArrayList<>() : new java.util.ArrayList<>(cfg.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new Guard());
      }
    });
    cfg.setCustomPreBPMNParseListeners(listeners);
    List<CommandInterceptor> interceptors = cfg.getCustomPreCommandInterceptorsTxRequired() == null
        ? new java.util.ArrayList<>() : new java.util.ArrayList<>(cfg.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new NoHandMadeLinks(cfg));
    cfg.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * Officials do not choose a task's candidates, assignee, owner or delegate by hand (Tasklist's 管理用户组 and 办理人,
   * engine REST's identity links, assignee, owner and delegate): any of them grants work on the task, so a group or
   * person chosen there could decide another region's plan, outside its role. Who works a task changes through 认领
   * (and its release) and the approval operations 转办, 委派, 加签 and 抄送, which check the roles; administrators keep
   * the engine's own ways for repairs.
   */
  static final class NoHandMadeLinks extends CommandInterceptor {

    private static final Set<Class<?>> REFUSED = Set.of(AddGroupIdentityLinkCmd.class, AddUserIdentityLinkCmd.class,
        DeleteGroupIdentityLinkCmd.class, DeleteUserIdentityLinkCmd.class, DelegateTaskCmd.class, SetTaskOwnerCmd.class);
    private static final java.lang.reflect.Field NEW_ASSIGNEE = newAssignee();

    private final ProcessEngineConfigurationImpl cfg;

    NoHandMadeLinks(ProcessEngineConfigurationImpl cfg) {
      this.cfg = cfg;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // only what a caller asks directly: the app's own operations run these commands inside theirs
      if (Context.getCommandContext() == null && (REFUSED.contains(command.getClass()) || assignsSomebodyElse(command))) {
        Authentication who = cfg.getIdentityService().getCurrentAuthentication();
        boolean admin = who != null && who.getGroupIds() != null && who.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        if (who != null && who.getUserId() != null && !admin && (REFUSED.contains(command.getClass())
            || !who.getUserId().equals(assignee(command)))) {
          throw new TaskRefusedException("不能自行指定任务的办理人、候选人或候选用户组：请使用认领，或任务详情“审批操作”中的转办、委派、加签、抄送");
        }
      }
      return next.execute(command);
    }

    /** Tasklist's and engine REST's "set assignee" to anybody but nobody (认领 and 退回认领 stay open to all). */
    private static boolean assignsSomebodyElse(Command<?> command) {
      return command instanceof AssignTaskCmd && assignee(command) != null;
    }

    private static String assignee(Command<?> command) {
      try {
        return (String) NEW_ASSIGNEE.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static java.lang.reflect.Field newAssignee() {
      try {
        java.lang.reflect.Field f = AbstractAddIdentityLinkCmd.class.getDeclaredField("userId");
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("Camunda's AbstractAddIdentityLinkCmd has no userId field any more", e);
      }
    }
  }

  static final class Guard implements TaskListener {

    @Override
    public void notify(DelegateTask delegateTask) {
      TaskEntity task = (TaskEntity) delegateTask;
      if (task.getDelegationState() == DelegationState.PENDING) {
        throw new TaskRefusedException("该任务已委派给" + name(task.getAssignee()) + "办理，须由其“交回”后，由"
            + name(task.getOwner()) + "办结");
      }
      String user = Context.getCommandContext().getAuthenticatedUserId();
      if (task.getAssignee() != null && user != null && !user.equals(task.getAssignee())) {
        // Camunda lets anyone with a grant on the task complete it; once assigned (认领, 转办), it is the assignee's
        throw new TaskRefusedException("该任务由" + name(task.getAssignee()) + "办理，只有办理人可以办结");
      }
      if (task.getVariableLocal(TaskOperations.VAR_CO_SIGN_OF) != null) {
        throw new TaskRefusedException("这是加签任务：请在“审批操作”中签署意见（同意或不同意），不能直接办结");
      }
      List<Task> open = Context.getProcessEngineConfiguration().getTaskService().createTaskQuery()
          .processInstanceId(task.getProcessInstanceId())
          .taskVariableValueEquals(TaskOperations.VAR_CO_SIGN_OF, task.getId()).listPage(0, 50);
      if (!open.isEmpty()) {
        throw new TaskRefusedException("尚有加签人未签署意见：" + String.join("、",
            open.stream().map(t -> name(t.getAssignee())).toList()) + "；签署后才能办结");
      }
    }

    private static String name(String userId) {
      if (userId == null) {
        return "（未指定）";
      }
      var user = Context.getCommandContext().getReadOnlyIdentityProvider().findUserById(userId);
      if (user == null) {
        return userId;
      }
      return UserNames.display(user);
    }
  }
}
