package cn.gov.reform.approval;

import cn.gov.reform.engine.DecisionRefusedException;

/** The rule for an official's opinion (意见) at any task: text, at most {@value #MAX} characters, required where said. */
public final class Opinions {

  public static final String VARIABLE = "opinion";
  public static final int MAX = 2000;

  private Opinions() {}

  /**
   * Returns the opinion as text (null when none was given); refuses one that is not text, too long, or
   * missing where {@code requiredMessage} is not null (the message says why it is required).
   */
  public static String check(Object value, String requiredMessage) {
    if (value != null && !(value instanceof String)) {
      throw new DecisionRefusedException(VARIABLE, "意见应为文本");
    }
    String text = (String) value;
    if (requiredMessage != null && (text == null || text.isBlank())) {
      throw new DecisionRefusedException(VARIABLE, requiredMessage);
    }
    if (text != null && text.length() > MAX) {
      throw new DecisionRefusedException(VARIABLE, "意见不能超过" + MAX + "字（现为" + text.length() + "字）");
    }
    return text;
  }
}
