package cn.gov.reform.supervision;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a supervisor sends to launch a campaign. */
@Schema(description = "发起督查：按哪份任务清单、在哪个地区督查")
public record LaunchRequest(
    @Schema(description = "任务清单编号（GET /api/supervision/task-lists）", example = "jinan-2018") String taskListId,
    @Schema(description = "督查地区代码：清单适用的市、县，或其所辖的县", example = "370100") String regionCode,
    @Schema(description = "督查年份：清单的日期整体平移到该年（默认为文件的年份，即原定日期）", example = "2026", nullable = true)
    Integer year,
    @Schema(description = "每隔多少个工作日报告一次进展（默认 app.supervision.report-every）", example = "20", nullable = true)
    Integer reportEvery,
    @Schema(description = "只督查其中的几项任务（序号）；不填则督查全部", example = "[\"1\", \"4\"]", nullable = true)
    List<String> taskNos) {}
