package cn.gov.reform.approval;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One difference between two versions of an item, for any procedure whose items are revised: what kind, where
 * (the part of the item, e.g. a township's code, and the field's path), the values before and after, and the
 * sentence a reviewer reads.
 */
@Schema(description = "两个版本之间的一处变化")
public record VersionChange(
    @Schema(description = "ADDED 新增，REMOVED 删除，CHANGED 修改", example = "CHANGED") Kind kind,
    @Schema(description = "变化所在的部分，如乡镇（街道）代码；事项本身的字段（标题、期限）为空", example = "370921109",
        nullable = true) String scope,
    @Schema(description = "字段路径；列表中的一项以其代码或名称标明", example = "townships[370921109].administrativeStaff")
    String path,
    @Schema(description = "修改前的值（新增时为空）", example = "50", nullable = true) Object before,
    @Schema(description = "修改后的值（删除时为空）", example = "48", nullable = true) Object after,
    @Schema(description = "变化的说明", example = "磁窑镇：行政编制 50 → 48") String text) {

  public enum Kind {
    ADDED, REMOVED, CHANGED
  }

  public static VersionChange added(String scope, String path, Object after, String text) {
    return new VersionChange(Kind.ADDED, scope, path, null, after, text);
  }

  public static VersionChange removed(String scope, String path, Object before, String text) {
    return new VersionChange(Kind.REMOVED, scope, path, before, null, text);
  }

  public static VersionChange changed(String scope, String path, Object before, Object after, String text) {
    return new VersionChange(Kind.CHANGED, scope, path, before, after, text);
  }
}
