package cn.gov.reform.security;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** The engine's password policy rules in the officials' language. */
public final class PasswordPolicyMessages {

  private PasswordPolicyMessages() {}

  /** e.g. {@code 密码不符合要求：至少10个字符；至少1个大写字母}. */
  public static String describe(List<PasswordPolicyRule> violated) {
    return "密码不符合要求：" + violated.stream().map(PasswordPolicyMessages::describe).collect(Collectors.joining("；"));
  }

  static String describe(PasswordPolicyRule rule) {
    String n = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
        : rule.getParameters().values().iterator().next();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少" + n + "个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少" + n + "个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少" + n + "个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少" + n + "个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少" + n + "个特殊字符（如 - _ ! @ #）";
      case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名、姓名或邮箱";
      default -> rule.getPlaceholder();
    };
  }
}
