package cn.gov.reform.duty;

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
 * The duty-access procedure as the kernel's shared services see it (approval operations, 抄送, the record page, attachments,
 * statistics): a request is the item, its id the business key, its townships those whose officials may read it.
 */
@Component
class DutySubjects implements Procedure {

  private final DutyRepository duties;
  private final CurrentCaller caller;

  DutySubjects(DutyRepository duties, CurrentCaller caller) {
    this.duties = duties;
    this.caller = caller;
  }

  @Override
  public String processKey() {
    return DutyKeys.PROCESS;
  }

  @Override
  public String name() {
    return "职责准入审批";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return duties.find(businessKey).map(this::subject);
  }

  private Subject subject(Duty d) {
    return new Subject(DutyKeys.PROCESS, d.id(), d.title(), d.regionName(), d.countyCode(), d.cityCode(), d.provinceCode(),
        d.status().name(), d.status().label(), d.processInstanceId(), duties.townships(d.id()).stream().map(DutyRepository.Township::code).toList());
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    Set<DutyStatus> statuses = Set.copyOf(Arrays.stream(DutyStatus.values()).filter(s -> s.finished() == finished).toList());
    DutyRepository.Page result = duties.list(new DutyRepository.Filter(null, null, statuses, null), caller, page, size);
    return new SubjectPage(result.items().stream().map(this::subject).toList(), result.total());
  }

  @Override
  public long overdue(Jurisdiction caller) {
    return duties.list(new DutyRepository.Filter(null, null, null, true), caller, 0, 1).total();
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    return DutyNarrative.decisionLabel(stage, decision);
  }

  /** The request as submitted (current version) and the townships' opinions. */
  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Duty> found = duties.find(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Duty d = found.get();
    DutyRequest r = duties.version(d, d.currentVersion());
    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("申请部门", d.department()));
    facts.add(List.of("工作目标", text(r.goal())));
    facts.add(List.of("工作内容", text(r.content())));
    facts.add(List.of("权限", text(r.authority())));
    facts.add(List.of("分工", text(r.division())));
    facts.add(List.of("期限", r.deadline() == null ? "（未写明）" : r.deadline().toString()));
    facts.add(List.of("人员", text(r.staff())));
    facts.add(List.of("经费", text(r.funds())));
    facts.add(List.of("业务培训", text(r.training())));
    facts.add(List.of("承担形式", r.forms().isEmpty() ? "—" : String.join("、", r.forms().stream().map(DutyRequest.ShiftedForm::label).toList())));
    facts.add(List.of("所依据的上级文件", r.basis() == null ? "—" : r.basis().text()));
    facts.add(List.of("当前稿", "第" + d.currentVersion() + "稿"));
    List<List<String>> opinions = new ArrayList<>();
    duties.townships(d.id()).forEach(t -> opinions.add(Arrays.asList(t.name(), t.opinion().label(), t.text() == null ? "" : t.text(),
        RecordSection.time(t.answeredAt()))));
    return List.of(new RecordSection("申请内容", List.of(Column.text("项目"), Column.text("内容")), facts, null),
        new RecordSection("乡镇意见（本轮）", List.of(Column.text("乡镇"), Column.text("意见"), Column.text("说明"), Column.time("反馈时间")),
            opinions, "暂无"));
  }

  private static String text(String s) {
    return s == null ? "（未写明）" : s;
  }

  @Override
  public Integer currentVersion(String businessKey) {
    return duties.find(businessKey).map(Duty::currentVersion).orElse(null);
  }

  /** The county's departments while the request is back with them. */
  @Override
  public boolean mayEdit(String businessKey, Jurisdiction caller) {
    return duties.find(businessKey).filter(d -> d.status() == DutyStatus.RETURNED
        && (caller.admin() || caller.counties().contains(d.countyCode()) && this.caller.groupIds().contains(Role.COUNTY_DEPARTMENT.group(d.countyCode())))).isPresent();
  }

  @Override
  public String editRule(String businessKey) {
    return "申请退回申请部门修改时，本县的县直部门（" + Role.COUNTY_DEPARTMENT.group("") + "+县代码）可以添加和删除附件";
  }

  @Override
  public String startStage() {
    return DutyKeys.REVISE;
  }
}
