package cn.gov.reform.supervision;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Start listener of a campaign's path ({@code campaignStarted}). A campaign launched through {@code /api} arrives with its
 * id; one launched from Tasklist's start form arrives as form fields and is stored here, in the same transaction, so a
 * refused launch leaves nothing behind. Work instances start at their own message start event and never pass here.
 */
@Component("supervisionLauncher")
class SupervisionLauncher implements ExecutionListener {

  private final SupervisionService service;
  private final CurrentCaller caller;

  SupervisionLauncher(SupervisionService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(SupervisionKeys.VAR_CAMPAIGN_ID);
    if (id == null) {
      if (!caller.isAuthenticated()) {
        throw new AccessRefusedException("从表单发起督查需要登录");
      }
      id = UUID.randomUUID().toString();
      service.register(id, new LaunchRequest(text(execution, SupervisionKeys.FIELD_TASK_LIST),
          text(execution, SupervisionKeys.FIELD_REGION), number(execution, SupervisionKeys.FIELD_YEAR),
          number(execution, SupervisionKeys.FIELD_REPORT_EVERY), null), caller.jurisdiction(), caller.groupIds());
      execution.setProcessBusinessKey(id);
      execution.setVariable(SupervisionKeys.VAR_CAMPAIGN_ID, id);
      List.of(SupervisionKeys.FIELD_TASK_LIST, SupervisionKeys.FIELD_REGION, SupervisionKeys.FIELD_YEAR,
          SupervisionKeys.FIELD_REPORT_EVERY).forEach(execution::removeVariable);
    }
    Campaign c = service.campaign(id);
    execution.setVariable(SupervisionKeys.VAR_PROVINCE, c.provinceCode());
    service.started(id, execution.getProcessInstanceId());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : String.valueOf(value).strip();
  }

  /** A number field of the form (form-js sends numbers; engine REST may send text). */
  private static Integer number(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 1_000_000) {
        throw new SupervisionInputException(name, "应为整数");
      }
      return n.intValue();
    }
    try {
      return Integer.valueOf(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new SupervisionInputException(name, "应为整数");
    }
  }
}
