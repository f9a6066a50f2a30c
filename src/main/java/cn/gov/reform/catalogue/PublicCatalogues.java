package cn.gov.reform.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.web.FieldError;

/**
 * What everybody may read of the catalogues, without login (README "权力目录 · 公开查询"): each township's catalogue in
 * force, searchable by region and by power, and the editions it replaced. Only published editions, and of them only what
 * was published — the powers with their basis, the approval's number and date; nothing of drafts, findings, opinions or
 * who worked on them.
 */
@Component
class PublicCatalogues {

  static final int MAX_QUERY = 50;
  static final int MAX_PAGE_SIZE = 100;

  private final CatalogueRepository catalogues;

  PublicCatalogues(CatalogueRepository catalogues) {
    this.catalogues = catalogues;
  }

  @Schema(description = "公布目录中的一个事项")
  record PublicItem(
      @Schema(description = "事项名称", example = "城市大型户外广告设置审核") String name,
      @Schema(description = "类别代码", example = "LICENSING") CatalogueRequest.PowerKind kind,
      @Schema(description = "类别", example = "行政许可") String kindName,
      @Schema(description = "下放方式代码", example = "CONCENTRATED") CatalogueRequest.Mode mode,
      @Schema(description = "下放方式", example = "相对集中行使") String modeName,
      @Schema(description = "原行使该权力的县级部门", example = "宁阳县综合行政执法局") String department,
      @Schema(description = "法律依据", example = "《城市市容和环境卫生管理条例》第十一条", nullable = true) String legalBasis,
      @Schema(description = "所依据的指导目录条目", example = "山东省向经济发达镇放权指导目录", nullable = true) String guidanceEntry) {

    static PublicItem of(Item it) {
      return new PublicItem(it.name(), it.kind(), it.kind().label(), it.mode(), it.mode().label(), it.department(),
          it.legalBasis() == null ? null : it.legalBasis().text(), it.guidanceEntry());
    }
  }

  @Schema(description = "一个乡镇（街道）公布的放权赋权目录（一版）")
  record PublicCatalogue(
      @Schema(description = "乡镇（街道）代码", example = "370921109") String townshipCode,
      @Schema(description = "乡镇（街道）名称", example = "磁窑镇") String townshipName,
      @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 磁窑镇") String region,
      @Schema(description = "目录标题", example = "宁阳县向磁窑镇赋权事项目录") String title,
      @Schema(description = "版次（首次公布为第1版，每次调整加1）", example = "1") int edition,
      @Schema(description = "是否为现行版本", example = "true") boolean current,
      @Schema(description = "批复文号：目录按此文号公布", example = "鲁政字〔2026〕1号") String approvalNumber,
      @Schema(description = "公布时间（北京时间，带时区）") Instant publishedAt,
      @Schema(description = "事项") List<PublicItem> items) {}

  @Schema(description = "一页公布的目录")
  record PublicPage(
      @Schema(description = "本页的现行目录，按乡镇（街道）代码排列") List<PublicCatalogue> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的乡镇（街道）数", example = "1") long total) {}

  @Schema(description = "一个乡镇（街道）公布过的全部目录：现行版本在前，其后是被取代的各版")
  record PublicHistory(
      @Schema(description = "乡镇（街道）代码", example = "370921109") String townshipCode,
      @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 磁窑镇") String region,
      @Schema(description = "各版目录，现行版本在前") List<PublicCatalogue> editions) {}

  /** The catalogues in force that pass the filter; refuses a malformed one (400). */
  PublicPage page(String township, String region, String item, int page, int size) {
    List<FieldError> errors = new ArrayList<>();
    if (township != null && !township.matches("[0-9]{9}")) {
      errors.add(new FieldError("township", "应为9位乡镇（街道）代码"));
    }
    query(errors, "region", region);
    query(errors, "item", item);
    if (page < 0 || page > 100_000) {
      errors.add(new FieldError("page", "应为0—100000"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "应为1—" + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new CatalogueInputException(errors);
    }
    CatalogueRepository.Page found = catalogues.published(new CatalogueRepository.PublicFilter(township, region, item), page, size);
    return new PublicPage(found.items().stream().map(this::published).toList(), page, size, found.total());
  }

  /** Every edition the township published, the one in force first; empty when it has none. */
  Optional<PublicHistory> history(String township) {
    if (township == null || !township.matches("[0-9]{9}")) {
      throw new CatalogueInputException("townshipCode", "应为9位乡镇（街道）代码");
    }
    List<Catalogue> editions = new ArrayList<>(catalogues.editions(township));
    if (editions.isEmpty()) {
      return Optional.empty();
    }
    java.util.Collections.reverse(editions);
    return Optional.of(new PublicHistory(township, editions.get(0).regionName(), editions.stream().map(this::published).toList()));
  }

  private PublicCatalogue published(Catalogue c) {
    return new PublicCatalogue(c.townshipCode(), c.townshipName(), c.regionName(), c.title(), c.edition(),
        c.status() == CatalogueStatus.PUBLISHED, c.approvalNumber(), c.publishedAt(),
        catalogues.items(c.id(), c.currentVersion()).stream().map(PublicItem::of).toList());
  }

  private static void query(List<FieldError> errors, String field, String value) {
    if (value != null && (value.length() > MAX_QUERY || !value.matches(CatalogueRequest.PLAIN))) {
      errors.add(new FieldError(field, "不超过" + MAX_QUERY + "个字符，不能包含尖括号（<、>）或控制字符"));
    }
  }
}
