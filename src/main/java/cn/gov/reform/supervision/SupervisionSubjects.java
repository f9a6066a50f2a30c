package cn.gov.reform.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.RecordSection.Column;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;

/**
 * The supervision as the kernel's shared services see it (record page, attachments, approval operations, 抄送, counts):
 * the items are the pieces of work (a task for a unit in a region), their id the business key; a campaign's own instance
 * (business key = the campaign's id) is an item too, so its record page opens from Cockpit.
 */
@Component
class SupervisionSubjects implements Procedure {

  private final SupervisionRepository repository;
  private final WorkingDayCalendar calendar;
  private final CurrentCaller caller;

  SupervisionSubjects(SupervisionRepository repository, WorkingDayCalendar calendar, CurrentCaller caller) {
    this.repository = repository;
    this.calendar = calendar;
    this.caller = caller;
  }

  @Override
  public String processKey() {
    return SupervisionKeys.PROCESS;
  }

  @Override
  public String name() {
    return "重点任务督查";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    Optional<Work> work = repository.work(businessKey);
    if (work.isPresent()) {
      return work.map(SupervisionSubjects::subject);
    }
    return repository.campaign(businessKey).map(c -> new Subject(SupervisionKeys.PROCESS, c.id(), c.title(), c.regionName(),
        c.countyCode(), c.cityCode(), c.provinceCode(), c.status().name(), c.status().label(), c.processInstanceId()));
  }

  static Subject subject(Work w) {
    return new Subject(SupervisionKeys.PROCESS, w.id(), WorkForm.label(w), w.regionName(), w.countyCode(), w.cityCode(),
        w.provinceCode(), w.status().name(), w.status().label(), w.processInstanceId(),
        w.townshipCode() == null ? List.of() : List.of(w.townshipCode()));
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    return new SubjectPage(repository.workPage(caller, finished, page, size).stream().map(SupervisionSubjects::subject).toList(),
        repository.countWork(caller, finished, null));
  }

  @Override
  public Counts counts(Jurisdiction caller) {
    return new Counts(repository.countWork(caller, false, null), repository.countWork(caller, true, null), overdue(caller));
  }

  @Override
  public long overdue(Jurisdiction caller) {
    return repository.countWork(caller, null, calendar.today());
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    return label(stage, decision);
  }

  /** The Chinese word for a step of the supervision's timeline. */
  static String label(String stage, String decision) {
    if (SupervisionKeys.REPORT.equals(stage) && "SUBMIT".equals(decision)) {
      return "报告完成，申请验收";
    }
    if (SupervisionKeys.ACCEPT.equals(stage)) {
      return "APPROVE".equals(decision) ? "验收通过" : "RETURN".equals(decision) ? "退回补充" : Procedure.sharedLabel(decision);
    }
    return switch (decision) {
      case "LAUNCH" -> "发起督查";
      case "ASSIGN" -> "下达任务";
      case "REMIND" -> "催报";
      case "OVERDUE" -> "逾期";
      case "SUPERVISE" -> "督办";
      case "COMPLETED" -> "办结";
      default -> Procedure.sharedLabel(decision);
    };
  }

  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Work> found = repository.work(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Work w = found.get();
    RecordSection facts = new RecordSection("督查任务", List.of(Column.text("项目"), Column.text("内容")), List.of(
        List.of("任务", "任务" + w.taskNo() + (w.roundYear() == null ? "" : "（" + w.roundYear() + "年度）")),
        List.of("责任单位", w.unitName() + "（" + w.unitGroup() + "）"), List.of("地区", w.regionName()),
        List.of("时间节点", w.deadline().toString()), List.of("状态", w.status().label()),
        List.of("完成进度", w.progress() + "%"), List.of("是否逾期", w.overdue(calendar.today()) ? "逾期" : "否")), null);
    List<List<String>> rows = new ArrayList<>();
    for (Report r : repository.reports(w.id())) {
      rows.add(java.util.Arrays.asList("COMPLETION".equals(r.kind()) ? "报告完成" : "报告进展", r.progress() + "%", r.content(),
          r.evidence() == null ? "" : r.evidence(), r.reportedBy(), RecordSection.time(r.reportedAt())));
    }
    RecordSection reports = new RecordSection("责任单位的报告", List.of(Column.text("类型"), Column.text("进度"), Column.text("内容"),
        Column.text("佐证"), Column.text("报告人"), Column.time("时间")), rows, "暂无报告");
    return List.of(facts, reports);
  }

  /** The unit's officials, while the work is theirs (报告进展), add and remove its evidence (佐证材料). */
  @Override
  public boolean mayEdit(String businessKey, Jurisdiction who) {
    return repository.work(businessKey).filter(w -> w.status() == WorkStatus.IN_PROGRESS)
        .map(w -> who.admin() || caller.groupIds().contains(w.unitGroup())).orElse(false);
  }

  @Override
  public String editRule(String businessKey) {
    return "责任单位（督查任务的办理单位）在报告进展、尚未报告完成时可以上传和删除佐证材料";
  }
}
