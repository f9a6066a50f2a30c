package cn.gov.reform.approval;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.calendar.WorkingDayCalendar;

/**
 * A part of an item's record that only its procedure knows (a plan's versions, its findings), as a small table the
 * record page shows without knowing the procedure. Cells are text; a {@link Kind#TIME} column holds times as the API
 * writes them (Beijing time with its offset), which the page shows in the reader's format.
 */
@Schema(description = "审批记录中事项自身的内容（如方案的各版本、政策校验结果），以表格列出")
public record RecordSection(
    @Schema(description = "标题", example = "方案版本") String title,
    @Schema(description = "各列") List<Column> columns,
    @Schema(description = "各行，单元格按列的顺序；时间列为北京时间（带时区）") List<List<String>> rows,
    @Schema(description = "没有行时显示的文字", example = "未发现问题", nullable = true) String empty) {

  /** What a column's cells hold. */
  public enum Kind { TEXT, TIME }

  @Schema(description = "表格的一列")
  public record Column(
      @Schema(description = "列名", example = "提交时间") String label,
      @Schema(description = "内容类型：TEXT 文字，TIME 时间", example = "TIME") Kind kind) {

    public static Column text(String label) {
      return new Column(label, Kind.TEXT);
    }

    public static Column time(String label) {
      return new Column(label, Kind.TIME);
    }
  }

  /** A time cell, written as the API writes times. */
  public static String time(Instant at) {
    return at == null ? null : at.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString();
  }
}
