package cn.gov.reform.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The task lists shipped are the documents' (济南市实施意见 附件; 通办发〔2020〕6号), read without the app. */
class TaskListsTest {

  private final TaskLists lists = new TaskLists();

  @Test
  void shouldShipJinansTwelveTasksWithTheirDeadlinesUnitsAndClauses() {
    TaskList jinan = lists.of("jinan-2018").orElseThrow();
    assertThat(jinan.tasks()).hasSize(12).allMatch(t -> t.source().startsWith("济南市实施意见 附件 序号" + t.no()));
    assertThat(jinan.task("1").orElseThrow().deadline()).isEqualTo(LocalDate.of(2018, 12, 15));
    assertThat(jinan.task("3").orElseThrow().deadline()).isEqualTo(LocalDate.of(2019, 3, 31));
    assertThat(jinan.task("4").orElseThrow().deadline()).isEqualTo(LocalDate.of(2019, 3, 31));
    assertThat(jinan.task("5").orElseThrow().recurring().from()).isEqualTo(2019);
    assertThat(jinan.task("6").orElseThrow().recurring().from()).isEqualTo(2018);
    assertThat(jinan.task("10").orElseThrow().recurring().from()).isEqualTo(2018);
    assertThat(jinan.task("3").orElseThrow().units()).containsExactly("zz", "xf", "ga", "zfbgt", "sf", "mzzj", "mz", "dwzf");
    assertThat(jinan.supervisingLevels()).containsExactly(TaskList.Level.PROVINCE, TaskList.Level.CITY);
  }

  @Test
  void shouldShipTongweisTasksAcceptedByTheCounty() {
    TaskList tongwei = lists.of("tongwei-2020").orElseThrow();
    assertThat(tongwei.tasks()).extracting(TaskList.Item::deadline)
        .containsExactly(LocalDate.of(2020, 6, 30), LocalDate.of(2020, 12, 31));
    assertThat(tongwei.tasks()).extracting(TaskList.Item::source)
        .containsExactly("通办发〔2020〕6号 二(一)2", "通办发〔2020〕6号 二(四)8");
    assertThat(tongwei.supervisingLevels()).isEqualTo(List.of(TaskList.Level.COUNTY));
    assertThat(tongwei.supervisingSource()).contains("三(一)");
  }

  @Test
  void shouldMoveEveryDateByWholeYears() {
    TaskList moved = lists.of("jinan-2018").orElseThrow().shift(8);
    assertThat(moved.task("1").orElseThrow().deadline()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(moved.task("5").orElseThrow().recurring().from()).isEqualTo(2027);
    assertThat(moved.endYear()).isEqualTo(2028);
  }
}
