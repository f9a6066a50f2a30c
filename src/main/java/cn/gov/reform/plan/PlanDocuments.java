package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.document.DocumentContent;
import cn.gov.reform.document.DocumentContent.Column;
import cn.gov.reform.document.DocumentContent.Heading;
import cn.gov.reform.document.DocumentContent.Paragraph;
import cn.gov.reform.document.IssuedDocument;
import cn.gov.reform.document.IssuingBodies;
import cn.gov.reform.document.IssuingBody;
import cn.gov.reform.document.OfficialDocuments;

/**
 * The official documents a plan's final decisions produce (README "公文"), issued through the kernel's
 * {@link OfficialDocuments} in the decision's own transaction: the 批复 of the body that approves the plan — 市委、市政府
 * (市委 in Gansu) at {@code cityApproval} when no provincial approval follows, the provincial government at
 * {@code provinceApproval} — and the 备案通知 of the provincial 编办 at filing, numbered with the filing number. Who the
 * bodies are is configuration ({@link IssuingBodies}, by the role groups' names); what the documents say is here.
 */
@Component
class PlanDocuments {

  static final String REPLY = "批复";
  static final String FILING_NOTICE = "备案通知";
  private static final Pattern SOURCE = Pattern.compile("（([^（）]*〔\\d{4}〕[^（）]*|[^（）]*实施意见[^（）]*)）$");

  private final OfficialDocuments documents;
  private final IssuingBodies bodies;
  private final PlanService service;

  PlanDocuments(OfficialDocuments documents, IssuingBodies bodies, PlanService service) {
    this.documents = documents;
    this.bodies = bodies;
    this.service = service;
  }

  /** Whether a decision at this stage of this chain is the plan's approval, on which its 批复 is issued. */
  static boolean approves(Stage stage, String decision, Optional<ApprovalRoute> route) {
    if (!Decision.APPROVE.name().equals(decision)) {
      return false;
    }
    return stage == Stage.PROVINCE_APPROVAL
        || stage == Stage.CITY_APPROVAL && route.map(r -> !r.includes(Stage.PROVINCE_APPROVAL)).orElse(true);
  }

  /** The 批复 of the approving body on an approval: {@code stage}'s decision at {@code taskId} by {@code actor}. */
  IssuedDocument approved(Plan plan, Stage stage, String stageName, String taskId, String actor, String opinion,
      Optional<ApprovalRoute> route) {
    boolean province = stage == Stage.PROVINCE_APPROVAL;
    IssuingBody issuer = bodies.of("approver", province ? plan.provinceCode() : plan.cityCode());
    IssuingBody county = bodies.of("drafter", plan.countyCode());
    PlanRequest content = service.content(plan.id(), plan.currentVersion());
    String subject = subject(plan.title());
    String quoted = "《" + plan.title() + "》（第" + plan.currentVersion() + "版）";
    List<DocumentContent.Block> body = new ArrayList<>();
    List<String> addressees;
    List<String> copies = new ArrayList<>();
    if (province) {
      IssuingBody city = bodies.of("submitter", plan.cityCode());
      addressees = city.names();
      body.add(new Paragraph("你市报送的" + quoted + "收悉。经研究，现批复如下："));
      body.add(new Heading(1, "总体意见"));
      body.add(new Paragraph("批准" + quoted + "，同意" + towns(content) + "按照方案实施行政管理体制改革。"));
      copies.addAll(bodies.of("filer", plan.provinceCode()).names());
      copies.addAll(county.names());
    } else {
      addressees = county.names();
      body.add(new Paragraph("你县报送的" + quoted + "收悉。经研究，现批复如下："));
      body.add(new Heading(1, "总体意见"));
      body.add(new Paragraph("原则同意" + quoted + "。"));
      copies.addAll(bodies.of("reviewer", plan.cityCode()).names());
      if (route.map(r -> r.includes(Stage.PROVINCE_FILING)).orElse(true)) {
        copies.addAll(bodies.of("filer", plan.provinceCode()).names());
      }
    }
    body.add(new Heading(1, "机构设置和编制"));
    body.addAll(establishment(content, "核定"));
    if (opinion != null && !opinion.isBlank()) {
      body.add(new Heading(1, "审批意见"));
      body.add(new Paragraph(sentence(opinion)));
    }
    body.add(new Heading(1, "工作要求"));
    String basis = route.flatMap(r -> source(r.name())).map(s -> "按照" + s + "的规定，").orElse("");
    String filing = !province && route.map(r -> r.includes(Stage.PROVINCE_FILING)).orElse(true)
        ? "将方案报" + bodies.of("filer", plan.provinceCode()).name() + "备案后" : "";
    body.add(new Paragraph("请" + basis + filing + "组织实施，严格执行批准的机构设置和编制，不得擅自增设机构、突破编制和领导职数。"
        + "实施中的重大问题及时报告。"));
    body.add(new Paragraph("此复。"));
    DocumentContent document = new DocumentContent(REPLY, issuer.name() + "关于" + subject + "的批复", addressees, body, copies);
    return documents.issue(new OfficialDocuments.Request(ProcessKeys.PROCESS, plan.id(), stage.taskKey(), stageName,
        Decision.APPROVE.name(), taskId, actor, issuer, null, document));
  }

  /** The 备案通知 of the provincial 编办, numbered with the plan's filing number. */
  IssuedDocument filed(Plan plan, String filingNumber, String taskId, String actor, String opinion, String stageName) {
    IssuingBody issuer = bodies.of("filer", plan.provinceCode());
    PlanRequest content = service.content(plan.id(), plan.currentVersion());
    String quoted = "《" + plan.title() + "》（第" + plan.currentVersion() + "版）";
    Optional<IssuedDocument> reply = documents.of(ProcessKeys.PROCESS, plan.id()).stream()
        .filter(d -> REPLY.equals(d.kind())).reduce((first, second) -> second);
    List<DocumentContent.Block> body = new ArrayList<>();
    body.add(new Paragraph(quoted + reply.map(r -> "已经" + r.issuer().replace(" ", "、") + "批准（" + r.number() + "），").orElse("")
        + "报我办备案。经审核，予以备案，备案编号为" + filingNumber + "。"));
    body.add(new Heading(1, "备案内容"));
    body.addAll(establishment(content, "备案"));
    if (opinion != null && !opinion.isBlank()) {
      body.add(new Heading(1, "备案意见"));
      body.add(new Paragraph(sentence(opinion)));
    }
    body.add(new Heading(1, "有关要求"));
    body.add(new Paragraph("请督促" + String.join("、", bodies.of("drafter", plan.countyCode()).names())
        + "严格按照备案的机构设置和编制组织实施，不得擅自增设机构、突破编制和领导职数。实施中的重大问题及时报告。"));
    body.add(new Paragraph("特此通知。"));
    DocumentContent document = new DocumentContent(FILING_NOTICE, issuer.name() + "关于" + subject(plan.title()) + "予以备案的通知",
        bodies.of("reviewer", plan.cityCode()).names(), body, bodies.of("drafter", plan.countyCode()).names());
    return documents.issue(new OfficialDocuments.Request(ProcessKeys.PROCESS, plan.id(), Stage.PROVINCE_FILING.taskKey(),
        stageName, Decision.FILE.name(), taskId, actor, issuer, filingNumber, document));
  }

  /** A sentence on each township's units and staffing, then the table of all of them. */
  private static List<DocumentContent.Block> establishment(PlanRequest content, String verb) {
    List<DocumentContent.Block> blocks = new ArrayList<>();
    int bodies = content.townships().stream().mapToInt(t -> t.bodies().size()).sum();
    int institutions = content.townships().stream().mapToInt(t -> t.institutions().size()).sum();
    int administrative = content.townships().stream().mapToInt(PlanRequest.Township::administrativeStaff).sum();
    int institutional = content.townships().stream().mapToInt(PlanRequest.Township::institutionalStaff).sum();
    blocks.add(new Heading(2, "机构和编制总数"));
    blocks.add(new Paragraph(towns(content) + "共设党政工作机构" + bodies + "个、事业单位" + institutions + "个，" + verb + "行政编制"
        + administrative + "名、事业编制" + institutional + "名。"));
    blocks.add(new Heading(2, "各乡镇（街道）机构设置和编制"));
    blocks.add(new Paragraph("各乡镇（街道）党政工作机构、事业单位及其编制，行政编制、事业编制和领导职数如下表。"));
    List<List<String>> rows = content.townships().stream().map(t -> List.of(t.name(), units(t.bodies()), units(t.institutions()),
        String.valueOf(t.administrativeStaff()), String.valueOf(t.institutionalStaff()),
        t.leadershipPositions() == null ? "—" : String.valueOf(t.leadershipPositions()))).toList();
    blocks.add(new DocumentContent.Table(List.of(new Column("乡镇（街道）", 3), new Column("党政工作机构（编制）", 8),
        new Column("事业单位（编制）", 8), new Column("行政编制", 2), new Column("事业编制", 2), new Column("领导职数", 2)), rows));
    return blocks;
  }

  private static String units(List<PlanRequest.Unit> units) {
    return units.stream().map(u -> u.name() + "（" + u.staff() + "）").collect(Collectors.joining("、"));
  }

  /** 蒋集镇, 磁窑镇、东庄镇, or 磁窑镇等5个乡镇（街道）. */
  private static String towns(PlanRequest content) {
    List<String> names = content.townships().stream().map(PlanRequest.Township::name).toList();
    return names.size() <= 3 ? String.join("、", names) : names.get(0) + "等" + names.size() + "个乡镇（街道）";
  }

  /** What the document is about: the plan's title without a leading 关于. */
  private static String subject(String title) {
    return title.startsWith("关于") ? title.substring(2) : title;
  }

  /** The source clause in a chain's name: 山东省乡镇（街道）方案（鲁厅字〔2018〕33号 七(二)） → 鲁厅字〔2018〕33号 七(二). */
  static Optional<String> source(String routeName) {
    Matcher m = SOURCE.matcher(routeName == null ? "" : routeName.strip());
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  private static String sentence(String text) {
    String t = text.strip();
    return Stream.of("。", "！", "？", "；").anyMatch(t::endsWith) ? t : t + "。";
  }
}
