package cn.gov.reform.plan;

/** No such plan, or one the caller may not know exists. */
public class PlanNotFoundException extends RuntimeException {
  public PlanNotFoundException(String id) {
    super("方案 " + id + " 不存在或无权查看");
  }
}
