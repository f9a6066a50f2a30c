package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.RecordSection.Column;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.UserNames;

/**
 * The power-catalogue procedure as the kernel's shared services see it (approval operations, 抄送, the record page,
 * attachments, documents): a catalogue is the item, its id the business key.
 */
@Component
class CatalogueSubjects implements Procedure {

  private final CatalogueRepository catalogues;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final UserNames names;
  private final WorkingDayCalendar calendar;

  CatalogueSubjects(CatalogueRepository catalogues, AuditTrail audit, RuntimeService runtime, TaskService tasks,
      SystemAccess system, UserNames names, WorkingDayCalendar calendar) {
    this.catalogues = catalogues;
    this.audit = audit;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
    this.names = names;
    this.calendar = calendar;
  }

  @Override
  public String processKey() {
    return CatalogueKeys.PROCESS;
  }

  @Override
  public String name() {
    return "放权赋权目录审批";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return catalogues.find(businessKey).map(CatalogueSubjects::subject);
  }

  static Subject subject(Catalogue c) {
    return new Subject(CatalogueKeys.PROCESS, c.id(), c.title(), c.regionName(), c.countyCode(), c.cityCode(), c.provinceCode(),
        c.status().name(), c.status().label(), c.processInstanceId());
  }

  @Override
  public long overdue(Jurisdiction caller) {
    return catalogues.list(new CatalogueRepository.Filter(null, null, null, null, null, true, calendar.today()), caller, 0, 1).total();
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    Set<CatalogueStatus> statuses = Set.copyOf(Arrays.stream(CatalogueStatus.values()).filter(s -> s.finished() == finished).toList());
    CatalogueRepository.Page result = catalogues.list(new CatalogueRepository.Filter(null, null, null, null, statuses, null,
        calendar.today()), caller, page, size);
    return new SubjectPage(result.items().stream().map(CatalogueSubjects::subject).toList(), result.total());
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    return CatalogueNarrative.decisionLabel(stage, decision);
  }

  /** The catalogue's facts, its versions and the findings of its current version. */
  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Catalogue> found = catalogues.find(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Catalogue c = found.get();
    RecordSection facts = new RecordSection("目录信息", List.of(Column.text("项目"), Column.text("内容")), List.of(
        List.of("乡镇（街道）", c.regionName()), List.of("乡镇类型", c.townshipType().label()),
        List.of("版次", "第" + c.edition() + "版" + (c.revisesId() == null ? "（首次制定）" : "（调整）")),
        List.of("当前稿", "第" + c.currentVersion() + "稿"),
        List.of("完成期限", c.deadline() == null ? "未设期限" : c.deadline().toString()),
        List.of("是否逾期", c.overdue(calendar.today()) ? "逾期" : "否"),
        List.of("批复文号", c.approvalNumber() == null ? "—" : c.approvalNumber())), null);
    List<CatalogueRepository.Version> versions = catalogues.versions(c.id());
    Map<String, String> who = names.of(versions.stream().map(CatalogueRepository.Version::submittedBy).toList());
    List<List<String>> rows = new ArrayList<>();
    versions.forEach(v -> rows.add(List.of("第" + v.version() + "稿", String.valueOf(v.itemCount()),
        who.getOrDefault(v.submittedBy(), v.submittedBy()), RecordSection.time(v.submittedAt()))));
    RecordSection versionTable = new RecordSection("目录各稿", List.of(Column.text("稿次"), Column.text("事项数"), Column.text("提交人"),
        Column.time("提交时间")), rows, "暂无");
    List<List<String>> findingRows = new ArrayList<>();
    catalogues.findings(c.id(), c.currentVersion()).forEach(f -> findingRows.add(Arrays.asList(f.severity().label(), f.message(),
        f.source() == null ? "" : f.source())));
    RecordSection findings = new RecordSection("合法性校验结果（第" + c.currentVersion() + "稿）", List.of(Column.text("类别"),
        Column.text("说明"), Column.text("依据")), findingRows, "未发现问题");
    return List.of(facts, versionTable, findings);
  }

  @Override
  public Integer currentVersion(String businessKey) {
    return catalogues.find(businessKey).map(Catalogue::currentVersion).orElse(null);
  }

  /**
   * The county's drafters while the catalogue is theirs: back at draftCatalogue, or submitted and its legal review not
   * yet claimed by the justice bureau.
   */
  @Override
  public boolean mayEdit(String businessKey, Jurisdiction caller) {
    return catalogues.find(businessKey).filter(c -> !c.status().finished() && c.processInstanceId() != null
        && caller.canDraftFor(c.countyCode())).map(c -> system.call(() -> tasks.createTaskQuery()
            .processInstanceId(c.processInstanceId()).listPage(0, 50)).stream()
            .anyMatch(t -> CatalogueKeys.DRAFT.equals(t.getTaskDefinitionKey())
                || CatalogueKeys.LEGAL_REVIEW.equals(t.getTaskDefinitionKey()) && t.getAssignee() == null
                && audit.timeline(CatalogueKeys.PROCESS, c.id()).stream().noneMatch(e -> CatalogueKeys.LEGAL_REVIEW.equals(e.stage())
                    && e.version() != null && e.version() == c.currentVersion())))
        .orElse(false);
  }

  @Override
  public String editRule(String businessKey) {
    return "本县的起草人员（drafter+县代码）在目录退回县里起草或修改时，或提交后县司法局尚未认领合法性审查时，可以添加和删除附件";
  }

  @Override
  public String startStage() {
    return CatalogueKeys.DRAFT;
  }

  /** Back at the county, the chain starts again from its first stage once resubmitted (the model's toDraft does the same). */
  @Override
  public void sentBackTo(String processInstanceId, String businessKey, String stageKey) {
    if (CatalogueKeys.DRAFT.equals(stageKey)) {
      runtime.removeVariable(processInstanceId, CatalogueKeys.VAR_LAST_STAGE);
    }
  }
}
