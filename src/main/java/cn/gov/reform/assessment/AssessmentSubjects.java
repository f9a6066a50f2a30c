package cn.gov.reform.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.RecordSection.Column;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.Role;

/**
 * The assessment-item procedure as the kernel's shared services see it (approval operations, 抄送, the record page,
 * attachments, statistics): a request is the item, its id the business key, its townships those whose officials may read it.
 */
@Component
class AssessmentSubjects implements Procedure {

  private final AssessmentRepository items;
  private final CurrentCaller caller;

  AssessmentSubjects(AssessmentRepository items, CurrentCaller caller) {
    this.items = items;
    this.caller = caller;
  }

  @Override
  public String processKey() {
    return AssessmentKeys.PROCESS;
  }

  @Override
  public String name() {
    return "考核事项审批";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return items.find(businessKey).map(this::subject);
  }

  private Subject subject(AssessmentItem a) {
    return new Subject(AssessmentKeys.PROCESS, a.id(), a.kind().label() + "：" + a.title(), a.regionName(), a.countyCode(), a.cityCode(),
        a.provinceCode(), a.status().name(), a.status().label(), a.processInstanceId(),
        items.townships(a.id()).stream().map(AssessmentRepository.Township::code).toList());
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    Set<AssessmentStatus> statuses = Set.copyOf(Arrays.stream(AssessmentStatus.values()).filter(s -> s.finished() == finished).toList());
    AssessmentRepository.Page result = items.list(new AssessmentRepository.Filter(null, null, statuses, null, null), caller, page, size);
    return new SubjectPage(result.items().stream().map(this::subject).toList(), result.total());
  }

  @Override
  public long overdue(Jurisdiction caller) {
    return items.list(new AssessmentRepository.Filter(null, null, null, null, true), caller, 0, 1).total();
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    return AssessmentStage.of(stage).map(s -> s.rules().label(decision)).orElseGet(() -> switch (decision) {
      case "PASSED" -> "通过";
      case "OVERDUE" -> "逾期";
      case "REVISE" -> "修改";
      default -> Procedure.sharedLabel(decision);
    });
  }

  /** The request as submitted (current version). */
  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<AssessmentItem> found = items.find(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    AssessmentItem a = found.get();
    AssessmentRequest r = items.version(a.id(), a.currentVersion());
    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("申请部门", a.department()));
    facts.add(List.of("类别", a.kind().label()));
    facts.add(List.of("考核的乡镇", String.join("、", items.townships(a.id()).stream().map(AssessmentRepository.Township::name).toList())));
    for (int i = 0; i < r.items().size(); i++) {
      facts.add(List.of("考核事项" + (i + 1), r.items().get(i).indicator() + "（职责 " + r.items().get(i).dutyId() + "）"));
    }
    facts.add(List.of("理由", r.reason()));
    facts.add(List.of("所依据的上级文件", r.basis() == null ? "—" : r.basis().text()));
    facts.add(List.of("当前稿", "第" + a.currentVersion() + "稿"));
    return List.of(new RecordSection("申请内容", List.of(Column.text("项目"), Column.text("内容")), facts, null));
  }

  @Override
  public Integer currentVersion(String businessKey) {
    return items.find(businessKey).map(AssessmentItem::currentVersion).orElse(null);
  }

  /** The county's departments while the request is back with them. */
  @Override
  public boolean mayEdit(String businessKey, Jurisdiction caller) {
    return items.find(businessKey).filter(a -> a.status() == AssessmentStatus.RETURNED && (caller.admin()
        || caller.counties().contains(a.countyCode()) && this.caller.groupIds().contains(Role.COUNTY_DEPARTMENT.group(a.countyCode()))))
        .isPresent();
  }

  @Override
  public String editRule(String businessKey) {
    return "申请退回申请部门修改时，本县的县直部门（" + Role.COUNTY_DEPARTMENT.group("") + "+县代码）可以添加和删除附件";
  }

  @Override
  public String startStage() {
    return AssessmentKeys.REVISE;
  }
}
