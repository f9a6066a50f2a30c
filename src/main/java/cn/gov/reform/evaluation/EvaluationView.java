package cn.gov.reform.evaluation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.audit.TimelineEntry;

/** An evaluation year as the API shows it: its towns (those the caller may see) with their scores and results. */
@Schema(description = "经济发达镇年度评估（一个省的一个评估年度）")
public record EvaluationView(
    @Schema(description = "评估编号（流程实例的业务键）") String id,
    @Schema(description = "省级代码", example = "220000") String provinceCode,
    @Schema(description = "省名", example = "吉林省") String provinceName,
    @Schema(description = "评估年度", example = "2025") int year,
    @Schema(description = "状态：IN_PROGRESS 评估中，FINISHED 已完成") EvaluationStatus status,
    @Schema(description = "状态名称", example = "评估中") String statusLabel,
    @Schema(description = "随机抽查的镇数", example = "2") int sampleSize,
    @Schema(description = "抽样的随机种子（记录在案，同一种子抽出同样的镇）", example = "20260105") long seed,
    @Schema(description = "抽中实地核查的镇（调用者可见的）", example = "[\"220581100\"]") List<String> sample,
    @Schema(description = "流程实例 id") String processInstanceId,
    @Schema(description = "评估指标（决策表 evaluationIndicators）") List<Indicator> indicators,
    @Schema(description = "各镇的评估情况（调用者辖区内的）") List<Town> towns,
    @Schema(description = "发起人") String launchedBy,
    @Schema(description = "发起时间（北京时间，带时区）") Instant launchedAt,
    @Schema(description = "审批记录（调用者可见的镇的各步，以及全省的各步）") List<TimelineEntry> timeline) {

  @Schema(description = "一个镇在评估年度中的情况")
  public record Town(
      @Schema(description = "乡镇9位代码", example = "220103171") String townshipCode,
      @Schema(description = "镇名", example = "合隆镇") String townshipName,
      @Schema(description = "所在地区", example = "吉林省 · 长春市 · 宽城区 · 合隆镇") String region,
      @Schema(description = "所处环节：selfEvaluation 市（州）自评，reEvaluation 省编办复评，onsiteCheck 随机抽查，exitDecision 省政府决定，"
          + "evaluated 评估完成，decided 已作出退出决定", example = "reEvaluation") String stage,
      @Schema(description = "环节名称", example = "待省编办复评") String stageLabel,
      @Schema(description = "该镇当前待办任务的 id（可用 engine REST 办理）", nullable = true) String taskId,
      @Schema(description = "是否抽中随机抽查", example = "true") boolean sampled,
      @Schema(description = "自评总分", nullable = true, example = "86") Integer selfTotal,
      @Schema(description = "复评总分", nullable = true, example = "82") Integer finalTotal,
      @Schema(description = "满分", nullable = true, example = "100") Integer maxTotal,
      @Schema(description = "评估结果：EXCELLENT 优秀，PASS 合格，FAIL 不合格", nullable = true) EvaluationResult result,
      @Schema(description = "评估结果名称", nullable = true, example = "合格") String resultLabel,
      @Schema(description = "评估结果的出处（决策表 evaluationResult 的行）", nullable = true) String resultSource,
      @Schema(description = "自评得分（每项指标，附佐证材料）") List<Score> selfScores,
      @Schema(description = "复评得分（每项指标，改动处附说明）") List<Score> reviewScores,
      @Schema(description = "复评意见", nullable = true) String reviewOpinion,
      @Schema(description = "实地核查结论：APPROVE 核查属实，RETURN 核查不符（退回复评）", nullable = true) String onsiteOutcome,
      @Schema(description = "实地核查意见", nullable = true) String onsiteOpinion,
      @Schema(description = "是否提出退出名单的建议") boolean exitProposed,
      @Schema(description = "退出建议的理由", nullable = true, example = "连续2个评估年度不合格（2024、2025年度）") String exitReason,
      @Schema(description = "省政府决定：APPROVE 同意退出，REJECT 不同意退出（保留）", nullable = true) String exitDecision,
      @Schema(description = "省政府决定的文号", nullable = true, example = "吉政函〔2026〕3号") String exitDecisionNumber,
      @Schema(description = "省政府决定的意见", nullable = true) String exitOpinion) {}
}
