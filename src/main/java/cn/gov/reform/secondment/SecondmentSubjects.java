package cn.gov.reform.secondment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.RecordSection.Column;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.identity.Jurisdiction;

/**
 * The secondment procedure as the kernel's shared services see it (approval operations, 抄送, the record page, the
 * dashboard's counts): a secondment is the item, its id the business key; its township's officials may read it.
 */
@Component
class SecondmentSubjects implements Procedure {

  private final SecondmentRepository secondments;
  private final RuntimeService runtime;

  SecondmentSubjects(SecondmentRepository secondments, RuntimeService runtime) {
    this.secondments = secondments;
    this.runtime = runtime;
  }

  @Override
  public String processKey() {
    return SecondmentKeys.PROCESS;
  }

  @Override
  public String name() {
    return "借调审批";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return secondments.find(businessKey).map(SecondmentSubjects::subject);
  }

  static Subject subject(Secondment s) {
    return new Subject(SecondmentKeys.PROCESS, s.id(), s.label(), s.regionName(), s.countyCode(), s.cityCode(), s.provinceCode(),
        s.status().name(), s.status().label(), s.processInstanceId(), List.of(s.townshipCode()));
  }

  /** Under way: in review or back with the requester; finished: approved (借调中, 已返回), rejected or withdrawn. */
  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    Set<SecondmentStatus> statuses = Set.copyOf(Arrays.stream(SecondmentStatus.values()).filter(s -> s.finished() == finished).toList());
    SecondmentRepository.Page result = secondments.list(new SecondmentRepository.Filter(null, null, null, null, null, statuses),
        caller, page, size);
    return new SubjectPage(result.items().stream().map(SecondmentSubjects::subject).toList(), result.total());
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    return SecondmentNarrative.decisionLabel(stage, decision);
  }

  /** The request's facts and the rules' findings of its current version. */
  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Secondment> found = secondments.find(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Secondment s = found.get();
    RecordSection facts = new RecordSection("借调信息", List.of(Column.text("项目"), Column.text("内容")), List.of(
        List.of("被借调人员", s.personName() + "（" + s.personId() + "）"), List.of("所在乡镇", s.regionName()),
        List.of("到乡镇工作", s.startedInTownship().toString()), List.of("借调单位", s.requestingBody()),
        List.of("借调期限", s.startDate() + "至" + s.endDate() + (s.months() == null ? "" : "，" + s.months() + "个月")),
        List.of("此前连续借调", s.earlierMonths() == null || s.earlierMonths() == 0 ? "无" : s.earlierMonths() + "个月"),
        List.of("书面特殊理由", s.specialJustification() == null ? "—" : s.specialJustification()),
        List.of("期满提醒", s.reminderDate() == null ? "—" : s.reminderDate().toString())), null);
    List<List<String>> rows = new ArrayList<>();
    secondments.findings(s.id(), s.currentVersion()).forEach(f -> rows.add(Arrays.asList(f.severity().label(), f.message(),
        f.source() == null ? "" : f.source())));
    RecordSection findings = new RecordSection("借调规则校验结果（第" + s.currentVersion() + "版）", List.of(Column.text("类别"),
        Column.text("说明"), Column.text("依据")), rows, "未发现问题");
    return List.of(facts, findings);
  }

  @Override
  public Integer currentVersion(String businessKey) {
    return secondments.find(businessKey).map(Secondment::currentVersion).orElse(null);
  }

  @Override
  public String startStage() {
    return SecondmentKeys.REVISE;
  }

  /** Back with the requester, the chain starts again from its first stage once resubmitted (the model's toRequester does the same). */
  @Override
  public void sentBackTo(String processInstanceId, String businessKey, String stageKey) {
    if (SecondmentKeys.REVISE.equals(stageKey)) {
      runtime.removeVariable(processInstanceId, SecondmentKeys.VAR_LAST_STAGE);
    }
  }
}
