package cn.gov.reform.evaluation;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One stint of a town on its province's list of developed towns: when and by what it entered, when and why it left. */
@Schema(description = "经济发达镇名单中的一条记录（一个镇的一次列入，及其退出）")
public record ListedTown(
    @Schema(description = "乡镇9位代码", example = "220103171") String townshipCode,
    @Schema(description = "镇名", example = "合隆镇") String townshipName,
    @Schema(description = "所在地区", example = "吉林省 · 长春市 · 宽城区 · 合隆镇") String region,
    @Schema(description = "县（市、区）代码", example = "220103") String countyCode,
    @Schema(description = "市（州）代码", example = "220100") String cityCode,
    @Schema(description = "省级代码", example = "220000") String provinceCode,
    @Schema(description = "列入年份", example = "2018") int enteredYear,
    @Schema(description = "列入依据：文件及条款，或省政府认定的文号", example = "吉林省实施意见 一(三)") String entryBasis,
    @Schema(description = "列入所依的认定申请编号（文件直接列入的为空）", nullable = true) String applicationId,
    @Schema(description = "是否仍在名单中", example = "true") boolean onList,
    @Schema(description = "退出年份（评估年度）", nullable = true, example = "2026") Integer leftYear,
    @Schema(description = "退出原因", nullable = true, example = "连续2个评估年度不合格（2025、2026年度）") String leftReason,
    @Schema(description = "省政府退出决定的文号", nullable = true, example = "吉政函〔2027〕3号") String leftDecisionNumber,
    @Schema(description = "提出退出的评估年度编号", nullable = true) String leftEvaluationId,
    @Schema(description = "退出时间（北京时间，带时区）", nullable = true) Instant leftAt) {}
