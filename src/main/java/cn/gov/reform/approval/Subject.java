package cn.gov.reform.approval;

import io.swagger.v3.oas.annotations.media.Schema;

/** The item a process instance is about, as the kernel shows it: what, where, how far. */
@Schema(description = "审批事项")
public record Subject(
    @Schema(description = "流程定义 key", example = "reformPlanApproval") String processKey,
    @Schema(description = "事项编号（流程实例的业务键）") String businessKey,
    @Schema(description = "标题", example = "关于深化磁窑镇行政管理体制改革方案") String title,
    @Schema(description = "所属地区", example = "山东省 · 泰安市 · 宁阳县") String region,
    @Schema(description = "县（市、区）代码；市级、省级事项为空", example = "370921", nullable = true) String countyCode,
    @Schema(description = "市（州）代码；省级事项为空", example = "370900", nullable = true) String cityCode,
    @Schema(description = "省级行政区代码", example = "370000") String provinceCode,
    @Schema(description = "状态", example = "IN_REVIEW") String status,
    @Schema(description = "状态名称", example = "审核中") String statusLabel,
    @Schema(description = "流程实例 id", nullable = true) String processInstanceId,
    @Schema(description = "事项涉及的乡镇（街道）代码；乡镇党委的人员可查看涉及本乡镇的事项", example = "[\"370921109\"]")
    java.util.List<String> townshipCodes) {

  /** An item of a county, city or province that names no township. */
  public Subject(String processKey, String businessKey, String title, String region, String countyCode, String cityCode,
      String provinceCode, String status, String statusLabel, String processInstanceId) {
    this(processKey, businessKey, title, region, countyCode, cityCode, provinceCode, status, statusLabel, processInstanceId,
        java.util.List.of());
  }
}
