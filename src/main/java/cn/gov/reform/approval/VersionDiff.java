package cn.gov.reform.approval;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What changed from one version of an item to another; a version compared with itself has no changes. */
@Schema(description = "两个版本之间的变化")
public record VersionDiff(
    @Schema(description = "比较的起点版本", example = "1") int from,
    @Schema(description = "比较的终点版本", example = "2") int to,
    @Schema(description = "变化，按事项本身、删除的部分、其余各部分的顺序") List<VersionChange> changes) {

  public VersionDiff {
    changes = List.copyOf(changes);
  }
}
