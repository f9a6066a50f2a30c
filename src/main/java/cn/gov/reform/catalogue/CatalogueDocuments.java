package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.document.DocumentContent;
import cn.gov.reform.document.DocumentContent.Column;
import cn.gov.reform.document.DocumentContent.Heading;
import cn.gov.reform.document.DocumentContent.Paragraph;
import cn.gov.reform.document.IssuedDocument;
import cn.gov.reform.document.IssuingBodies;
import cn.gov.reform.document.IssuingBody;
import cn.gov.reform.document.OfficialDocuments;

/**
 * The 批复 on which a catalogue is published (README "权力目录"): issued through the kernel's {@link OfficialDocuments} in
 * the transaction of the chain's last approval — by the county government, the city government (山东经济发达镇) or the
 * provincial government (相对集中行使行政许可权) — and numbered by that body's sequence; the catalogue is published under
 * its number. Who the bodies are is configuration (app.documents); what the document says is here.
 */
@Component
class CatalogueDocuments {

  static final String REPLY = "批复";

  private final OfficialDocuments documents;
  private final IssuingBodies bodies;
  private final CatalogueService service;

  CatalogueDocuments(OfficialDocuments documents, IssuingBodies bodies, CatalogueService service) {
    this.documents = documents;
    this.bodies = bodies;
    this.service = service;
  }

  /** The 批复 of {@code stage}'s body on its approval at {@code taskId} by {@code actor}. */
  IssuedDocument approved(Catalogue c, CatalogueStage stage, String taskId, String actor, String opinion, CatalogueRoute route) {
    IssuingBody issuer = bodies.of(stage.issuer(), stage.region(c));
    CatalogueRequest content = service.content(c.id(), c.currentVersion());
    String township = c.townshipName() + (c.townshipName().endsWith("街道") ? "办事处" : "人民政府");
    String quoted = "《" + content.title() + "》";
    List<String> addressees = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    String from;
    switch (stage) {
      case PROVINCE_APPROVAL -> {
        addressees.addAll(bodies.of("submitter", c.cityCode()).names());
        copies.addAll(bodies.of("countygov", c.countyCode()).names());
        copies.add(township);
        from = "你市报送的";
      }
      case CITY_APPROVAL -> {
        addressees.addAll(bodies.of("countygov", c.countyCode()).names());
        copies.add(township);
        from = "你县报送的";
      }
      default -> {
        addressees.add(township);
        from = "报送的";
      }
    }
    copies.addAll(content.items().stream().map(Item::department).distinct().toList());
    List<DocumentContent.Block> body = new ArrayList<>();
    body.add(new Paragraph(from + quoted + "收悉。经研究，现批复如下："));
    body.add(new Heading(1, "总体意见"));
    body.add(new Paragraph((c.revisesId() == null ? "同意" : "同意调整") + quoted + "，共" + content.items().size() + "项（"
        + CatalogueNarrative.kinds(content.items()) + "），作为" + c.townshipName() + "放权赋权目录第" + c.edition() + "版，按本批复文号向社会公布，明确"
        + township + "为权力实施主体；委托的事项以委托机关名义实施。"));
    body.add(new Heading(1, "事项目录"));
    body.add(table(content.items()));
    if (!content.takenBack().isEmpty()) {
      body.add(new Paragraph("收回" + content.takenBack().size() + "项："
          + content.takenBack().stream().map(t -> t.name() + "（" + t.reason() + "）").collect(Collectors.joining("；")) + "。"));
    }
    if (opinion != null && !opinion.isBlank()) {
      body.add(new Heading(1, "审批意见"));
      body.add(new Paragraph(opinion.strip()));
    }
    body.add(new Heading(1, "工作要求"));
    body.add(new Paragraph("请按照依法下放、权责一致、能放即放的原则（" + route.name() + "），做好下放权力的衔接、培训和保障，确保接得住、用得好；"
        + "对不能有效承接的事项，评估后按程序调整或由县直部门依法收回（宁政发〔2019〕6号 二(一)1）。"));
    body.add(new Paragraph("此复。"));
    String subject = content.title().startsWith("关于") ? content.title().substring(2) : content.title();
    DocumentContent document = new DocumentContent(REPLY, issuer.name() + "关于" + subject + "的批复", addressees, body, copies);
    return documents.issue(new OfficialDocuments.Request(CatalogueKeys.PROCESS, c.id(), stage.taskKey(), stage.label(),
        Decision.APPROVE.name(), taskId, actor, issuer, null, document));
  }

  private static DocumentContent.Table table(List<Item> items) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      rows.add(List.of(String.valueOf(i + 1), it.name(), it.kind().label(), it.mode().label(), it.department(),
          it.legalBasis() == null ? "" : it.legalBasis().text()));
    }
    return new DocumentContent.Table(List.of(new Column("序号", 1), new Column("事项名称", 6), new Column("类别", 2),
        new Column("方式", 2), new Column("现行使部门", 3), new Column("法律依据", 5)), rows);
  }
}
