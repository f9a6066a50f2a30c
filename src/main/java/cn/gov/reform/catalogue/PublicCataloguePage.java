package cn.gov.reform.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.web.FieldError;

/**
 * The public page of the catalogues (公开查询, no login): every township's catalogue in force, searchable by region and by
 * power, each township's earlier editions on its own page, in Chinese and printable (the search form and links are left
 * out of the print). Rendered on the server, every text escaped; the data are {@link PublicCatalogues}', as on
 * {@code /api/public/catalogues}.
 */
@Controller
class PublicCataloguePage {

  static final String PATH = "/public/catalogues";
  static final int PAGE_SIZE = 20;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingDayCalendar.ZONE);
  private static final String STYLE = """
      body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#222}
      header h1{color:#b5121b;margin-bottom:.2rem}header p{color:#555;margin-top:.2rem}
      form.search{display:flex;flex-wrap:wrap;gap:.8rem;align-items:flex-end;background:#f6f6f6;padding:.8rem;border-radius:4px}
      form.search label{display:flex;flex-direction:column;font-size:.9rem}form.search input{padding:.35rem;min-width:14rem}
      button{padding:.4rem 1rem}section.catalogue{margin:1.5rem 0;break-inside:avoid-page}section h2{font-size:1.15rem;margin-bottom:.2rem}
      p.meta{color:#444;margin:.2rem 0 .6rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
      th,td{border:1px solid #999;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#eee;white-space:nowrap}
      td.short{white-space:nowrap}
      tr.match td{background:#fff6c8}.current{color:#b5121b;font-weight:bold}nav.pages{margin:1rem 0}
      footer{margin-top:2rem;color:#666;font-size:.85rem;border-top:1px solid #ccc;padding-top:.5rem}
      @media print{form.search,nav.pages,.no-print{display:none}a{color:inherit;text-decoration:none}body{max-width:none}}
      """;

  private final PublicCatalogues catalogues;

  PublicCataloguePage(PublicCatalogues catalogues) {
    this.catalogues = catalogues;
  }

  @GetMapping({PATH, PATH + "/"})
  ResponseEntity<String> search(@RequestParam(required = false) String region, @RequestParam(required = false) String item,
      @RequestParam(defaultValue = "0") String page) {
    StringBuilder b = head("乡镇放权赋权目录");
    b.append("<header><h1>乡镇放权赋权目录</h1><p>县（市、区）按照“依法下放、权责一致、能放即放”的原则向乡镇（街道）下放、委托或赋予的权力事项，"
        + "经合法性审查和审批后按批复文号公布。本页列出各乡镇（街道）的现行目录，可按地区和事项查询。</p></header>");
    b.append("<form class=\"search\" method=\"get\" action=\"").append(PATH).append("\">")
        .append("<label>地区<input name=\"region\" value=\"").append(esc(region)).append("\" placeholder=\"地区名称或代码，如 宁阳县、370921\"></label>")
        .append("<label>事项<input name=\"item\" value=\"").append(esc(item)).append("\" placeholder=\"事项名称，如 户外广告\"></label>")
        .append("<button type=\"submit\">查询</button><button type=\"button\" class=\"no-print\" onclick=\"window.print()\">打印</button>")
        .append("</form>");
    int n = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : -1;
    PublicCatalogues.PublicPage found;
    try {
      found = catalogues.page(null, blankToNull(region), blankToNull(item), n, PAGE_SIZE);
    } catch (CatalogueInputException e) {
      b.append("<p class=\"error\" role=\"alert\">查询条件有误：")
          .append(esc(String.join("；", e.errors().stream().map(FieldError::message).distinct().toList()))).append("</p>");
      return html(HttpStatus.BAD_REQUEST, foot(b));
    }
    b.append("<p class=\"count\">共 ").append(found.total()).append(" 个乡镇（街道）的现行目录")
        .append(blankToNull(region) == null && blankToNull(item) == null ? "" : "符合查询条件").append("</p>");
    if (found.items().isEmpty()) {
      b.append("<p class=\"empty\">没有找到符合条件的目录。</p>");
    }
    found.items().forEach(c -> section(b, c, item, true));
    pages(b, found, region, item);
    return html(HttpStatus.OK, foot(b));
  }

  @GetMapping(PATH + "/{townshipCode}")
  ResponseEntity<String> township(@PathVariable String townshipCode) {
    Optional<PublicCatalogues.PublicHistory> history = townshipCode.matches("[0-9]{9}") ? catalogues.history(townshipCode)
        : Optional.empty();
    if (history.isEmpty()) {
      StringBuilder b = head("未找到目录");
      b.append("<header><h1>乡镇放权赋权目录</h1></header><p class=\"empty\">该乡镇（街道）尚无公布的放权赋权目录。</p>")
          .append("<p class=\"no-print\"><a href=\"").append(PATH).append("\">返回目录查询</a></p>");
      return html(HttpStatus.NOT_FOUND, foot(b));
    }
    PublicCatalogues.PublicHistory h = history.get();
    StringBuilder b = head(h.region() + " 放权赋权目录");
    b.append("<header><h1>").append(esc(h.region())).append(" 放权赋权目录</h1><p>现行版本在前，其后是被调整取代的各版。</p></header>")
        .append("<p class=\"no-print\"><a href=\"").append(PATH).append("\">返回目录查询</a> · ")
        .append("<button type=\"button\" onclick=\"window.print()\">打印</button></p>");
    h.editions().forEach(c -> section(b, c, null, false));
    return html(HttpStatus.OK, foot(b));
  }

  private static void section(StringBuilder b, PublicCatalogues.PublicCatalogue c, String item, boolean linkHistory) {
    b.append("<section class=\"catalogue\" id=\"t").append(c.townshipCode()).append("\">")
        .append("<h2>").append(esc(c.region())).append("</h2>")
        .append("<p class=\"meta\">").append(esc(c.title())).append(" · 第").append(c.edition()).append("版")
        .append(c.current() ? "（<span class=\"current\">现行</span>）" : "（已被新版取代）")
        .append(" · 批复文号 <span class=\"number\">").append(esc(c.approvalNumber())).append("</span> · 公布日期 ").append(day(c.publishedAt()))
        .append(" · 共").append(c.items().size()).append("项");
    if (linkHistory) {
      b.append(" · <a class=\"no-print\" href=\"").append(PATH).append('/').append(c.townshipCode()).append("\">历次版本</a>");
    }
    b.append("</p><table><thead><tr><th>序号</th><th>事项名称</th><th>类别</th><th>方式</th><th>原行使部门</th><th>法律依据</th>"
        + "<th>指导目录条目</th></tr></thead><tbody>");
    List<PublicCatalogues.PublicItem> items = c.items();
    for (int i = 0; i < items.size(); i++) {
      PublicCatalogues.PublicItem it = items.get(i);
      boolean match = item != null && !item.isBlank() && it.name().contains(item.strip());
      b.append(match ? "<tr class=\"match\">" : "<tr>").append("<td class=\"short\">").append(i + 1).append("</td><td>")
          .append(esc(it.name())).append("</td><td class=\"short\">").append(esc(it.kindName())).append("</td><td class=\"short\">")
          .append(esc(it.modeName())).append("</td><td>")
          .append(esc(it.department())).append("</td><td>").append(esc(it.legalBasis())).append("</td><td>")
          .append(esc(it.guidanceEntry())).append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  private static void pages(StringBuilder b, PublicCatalogues.PublicPage found, String region, String item) {
    long pages = (found.total() + PAGE_SIZE - 1) / PAGE_SIZE;
    if (pages <= 1) {
      return;
    }
    b.append("<nav class=\"pages\">第").append(found.page() + 1).append("页，共").append(pages).append("页");
    String query = (region == null ? "" : "&region=" + UriUtils.encodeQueryParam(region, StandardCharsets.UTF_8))
        + (item == null ? "" : "&item=" + UriUtils.encodeQueryParam(item, StandardCharsets.UTF_8));
    if (found.page() > 0) {
      b.append(" · <a href=\"").append(PATH).append("?page=").append(found.page() - 1).append(esc(query)).append("\">上一页</a>");
    }
    if (found.page() + 1 < pages) {
      b.append(" · <a href=\"").append(PATH).append("?page=").append(found.page() + 1).append(esc(query)).append("\">下一页</a>");
    }
    b.append("</nav>");
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>");
  }

  private static String foot(StringBuilder b) {
    return b.append("<footer>本页公开经批准并按批复文号公布的放权赋权目录，内容以批复文件为准。查询接口：GET /api/public/catalogues。</footer>")
        .append("</body></html>").toString();
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache()).body(body);
  }

  private static String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
