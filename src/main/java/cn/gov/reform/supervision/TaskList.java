package cn.gov.reform.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A supervision task list (重点任务分工) as a document sets it: its tasks with their responsible units, deadlines and source
 * clauses, read from {@code src/main/resources/supervision/*.yml} ({@link TaskLists}). Dates are the document's; a
 * campaign moves them by whole years ({@link #shift}).
 */
@Schema(description = "重点任务清单（按文件的任务分工）")
public record TaskList(
    @Schema(description = "清单编号", example = "jinan-2018") String id,
    @Schema(description = "清单名称") String title,
    @Schema(description = "所依据的文件") String document,
    @Schema(description = "文件简称", example = "济南市实施意见") String shortName,
    @Schema(description = "清单适用的地区代码（市或县）", example = "370100") String region,
    @Schema(description = "文件的年份（日期平移的基准）", example = "2018") int year,
    @Schema(description = "按年度的任务督查到该年为止", example = "2020") int endYear,
    @Schema(description = "截止年份的依据") String endYearSource,
    @Schema(description = "可以发起督查的督查机构层级：PROVINCE、CITY、COUNTY") List<Level> supervisingLevels,
    @Schema(description = "督查、验收主体的依据") String supervisingSource,
    @Schema(description = "不列入“各区县”“各乡镇”的地区代码（如功能区）") List<String> excludeRegions,
    @Schema(description = "责任单位") List<Unit> units,
    @Schema(description = "重点任务") List<Item> tasks) {

  /** The level of the regions a unit (or a supervising body) belongs to. */
  public enum Level { PROVINCE, CITY, COUNTY, TOWNSHIP }

  @Schema(description = "责任单位")
  public record Unit(
      @Schema(description = "简称（字母），用于工作组名 unit+简称+地区代码", example = "bb") String key,
      @Schema(description = "名称模板，{region} 为地区名称", example = "{region}编办") String name,
      @Schema(description = "文件中的写法", example = "市编办") String documentName,
      @Schema(description = "所在层级：CITY 市直单位，COUNTY 各区县，TOWNSHIP 各乡镇") Level level) {

    String nameIn(String regionName) {
      return name.replace("{region}", regionName);
    }
  }

  @Schema(description = "按年度重复的任务")
  public record Recurring(
      @Schema(description = "起始年份", example = "2019") int from,
      @Schema(description = "每年的完成日期（月-日）", example = "12-31") String due) {}

  @Schema(description = "一项重点任务")
  public record Item(
      // "number" in the files: YAML 1.1 reads a key "no" as false
      @Schema(description = "序号", example = "1") @com.fasterxml.jackson.annotation.JsonAlias("number") String no,
      @Schema(description = "重点任务") String task,
      @Schema(description = "责任单位简称") List<String> units,
      @Schema(description = "责任单位（原文）") String unitsText,
      @Schema(description = "时间节点；按年度的任务为空", nullable = true) LocalDate deadline,
      @Schema(description = "按年度重复", nullable = true) Recurring recurring,
      @Schema(description = "时间节点（原文）") String deadlineText,
      @Schema(description = "依据（文件、条款）") String source) {

    /** The deadline of a yearly task's round in {@code year}. */
    LocalDate deadlineIn(int year) {
      return LocalDate.parse(year + "-" + recurring.due());
    }
  }

  public Optional<Item> task(String no) {
    return tasks.stream().filter(t -> t.no().equals(no)).findFirst();
  }

  public Optional<Unit> unit(String key) {
    return units.stream().filter(u -> u.key().equals(key)).findFirst();
  }

  /** The list's dates moved by {@code years} whole years (a campaign run in another year than the document's). */
  TaskList shift(int years) {
    if (years == 0) {
      return this;
    }
    List<Item> moved = tasks.stream().map(t -> new Item(t.no(), t.task(), t.units(), t.unitsText(),
        t.deadline() == null ? null : t.deadline().plusYears(years),
        t.recurring() == null ? null : new Recurring(t.recurring().from() + years, t.recurring().due()), t.deadlineText(),
        t.source())).toList();
    return new TaskList(id, title, document, shortName, region, year + years, endYear + years, endYearSource,
        supervisingLevels, supervisingSource, excludeRegions, units, moved);
  }
}
