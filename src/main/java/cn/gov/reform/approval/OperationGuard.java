package cn.gov.reform.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
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
