package cn.gov.reform.catalogue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Diffs;

/**
 * A county's power catalogue (放权赋权目录) for one of its townships, as drafted (README "权力目录"): the powers it hands
 * down, each with its kind, how it goes down, the county department that holds it today, its legal basis and the
 * guidance-catalogue entry it follows. Sent for a township that already has a published catalogue, it is an adjustment
 * of that one: every power added or changed carries its reason, every published power left out is taken back with its
 * reason. Text is plain: markup (&lt; &gt;) and control characters are refused, since the catalogue is published.
 */
@Schema(description = "县级为一个乡镇（街道）起草的放权赋权目录；该乡镇已有公布的目录时，即为对它的调整（新增、变更的事项须写调整理由，"
    + "未列入的已公布事项须在 takenBack 中说明收回理由）")
public record CatalogueRequest(
    @Schema(description = "目录标题（不超过200字）", example = "宁阳县向磁窑镇赋权事项目录")
    @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String title,
    @Schema(description = "乡镇（街道）9位代码；所在县由代码确定", example = "370921109")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇（街道）代码") String townshipCode,
    @Schema(description = "乡镇类型：TOWNSHIP 乡镇（街道），DEVELOPED_TOWN 经济发达镇", example = "DEVELOPED_TOWN")
    @NotNull(message = "不能为空，应为 TOWNSHIP 或 DEVELOPED_TOWN") TownshipType townshipType,
    @Schema(description = "目录所列的权力事项，1—" + CatalogueRequest.MAX_ITEMS + "项")
    @NotEmpty(message = "至少包含一个事项") @Size(max = CatalogueRequest.MAX_ITEMS, message = "一个目录最多" + CatalogueRequest.MAX_ITEMS + "项")
    List<@NotNull(message = "不能为空") @Valid Item> items,
    @Schema(description = "调整已公布的目录时收回的事项及理由；首次制定目录时为空", nullable = true)
    @Size(max = CatalogueRequest.MAX_ITEMS, message = "最多" + CatalogueRequest.MAX_ITEMS + "项")
    List<@NotNull(message = "不能为空") @Valid TakenBack> takenBack) {

  public static final int MAX_ITEMS = 500;
  /** Plain text: no markup brackets, no control characters. */
  static final String PLAIN = "[^<>\\p{Cntrl}]*";
  static final String PLAIN_MESSAGE = "不能包含尖括号（<、>）等标记字符或控制字符";

  public CatalogueRequest {
    takenBack = takenBack == null ? List.of() : takenBack;
  }

  /** How a power goes down to the township. */
  public enum Mode implements Diffs.Labelled {
    CONCENTRATED("相对集中行使"), ENTRUSTED("委托"), ASSIGNED("赋权");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The kind of power (行政权力类别). */
  public enum PowerKind implements Diffs.Labelled {
    LICENSING("行政许可"), PENALTY("行政处罚"), COERCION("行政强制"), INSPECTION("行政检查"), CONFIRMATION("行政确认"), OTHER("其他");

    private final String label;

    PowerKind(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum TownshipType implements Diffs.Labelled {
    TOWNSHIP("乡镇（街道）"), DEVELOPED_TOWN("经济发达镇");

    private final String label;

    TownshipType(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  @Schema(description = "目录中的一个权力事项")
  public record Item(
      @Schema(description = "事项名称（不超过200字）", example = "城市大型户外广告设置审核")
      @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
      String name,
      @Schema(description = "类别：LICENSING 行政许可，PENALTY 行政处罚，COERCION 行政强制，INSPECTION 行政检查，CONFIRMATION 行政确认，OTHER 其他",
          example = "LICENSING")
      @NotNull(message = "不能为空，应为 LICENSING、PENALTY、COERCION、INSPECTION、CONFIRMATION 或 OTHER") PowerKind kind,
      @Schema(description = "方式：CONCENTRATED 相对集中行使，ENTRUSTED 委托，ASSIGNED 赋权", example = "CONCENTRATED")
      @NotNull(message = "不能为空，应为 CONCENTRATED、ENTRUSTED 或 ASSIGNED") Mode mode,
      @Schema(description = "现行使该权力的县级部门（不超过100字）", example = "宁阳县综合行政执法局")
      @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
      String department,
      @Schema(description = "法律依据；未注明的事项在合法性校验中为错误", nullable = true) @Valid LegalBasis legalBasis,
      @Schema(description = "所依据的指导目录条目（不超过200字）", example = "山东省向经济发达镇放权指导目录", nullable = true)
      @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String guidanceEntry,
      @Schema(description = "调整理由：调整已公布的目录时，新增或变更的事项必填（不超过500字）", nullable = true)
      @Size(max = 500, message = "不能超过500字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String reason) {

    /** The same power without its reason: what an adjustment compares. */
    Item withoutReason() {
      return new Item(name, kind, mode, department, legalBasis, guidanceEntry, null);
    }
  }

  @Schema(description = "法律依据：法律（法规）名称和条款")
  public record LegalBasis(
      @Schema(description = "法律或法规名称（不超过100字）", example = "城市市容和环境卫生管理条例")
      @Size(max = 100, message = "不能超过100字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String law,
      @Schema(description = "条款（不超过50字）", example = "第十一条")
      @Size(max = 50, message = "不能超过50字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String article) {

    /** Both the law and its article are given. */
    boolean complete() {
      return law != null && !law.isBlank() && article != null && !article.isBlank();
    }

    /** 《城市市容和环境卫生管理条例》第十一条 */
    String text() {
      String name = law == null ? "" : law.strip();
      return (name.isEmpty() || name.startsWith("《") ? name : "《" + name + "》") + (article == null ? "" : article.strip());
    }
  }

  @Schema(description = "调整时收回的一个已公布事项")
  public record TakenBack(
      @Schema(description = "收回的事项名称（与已公布目录中的名称相同）", example = "农药经营许可")
      @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
      String name,
      @Schema(description = "收回理由（不超过500字）", example = "业务办理量少，由县直部门依法收回（宁政发〔2019〕6号 二(一)1）")
      @NotBlank(message = "须说明收回理由") @Size(max = 500, message = "不能超过500字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
      String reason) {}
}
