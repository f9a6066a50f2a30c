package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.UserNames;

/** The reform-plan procedure as the kernel's shared services see it: a plan is the item, its id the business key. */
@Component
class PlanSubjects implements Procedure {

  /** The words of the timeline's system steps (see PlanService, ApprovalRouter, TaskReminder …). */
  private static final Map<String, String> SYSTEM_DECISIONS = Map.of("PASSED", "通过", "FAILED", "未通过", "REVISE", "修订",
      "ROUTED", "已确定", "OVERDUE", "超过完成期限", "REMINDED", "催办", "ESCALATED", "提请督办", "SUPERVISED", "督办",
      "ESTIMATED", "按周末推算");

  private final PlanRepository plans;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final UserNames names;
  private final PlanFiles files;

  PlanSubjects(PlanRepository plans, RegionDirectory regions, RuntimeService runtime, UserNames names, PlanFiles files) {
    this.plans = plans;
    this.files = files;
    this.regions = regions;
    this.runtime = runtime;
    this.names = names;
  }

  @Override
  public String processKey() {
    return ProcessKeys.PROCESS;
  }

  @Override
  public String name() {
    return "乡镇行政管理体制改革方案审批";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return plans.find(businessKey).map(this::subject);
  }

  private Subject subject(Plan p) {
    return new Subject(ProcessKeys.PROCESS, p.id(), p.title(), regions.describeCounty(p.countyCode()), p.countyCode(),
        p.cityCode(), p.provinceCode(), p.status().name(), p.status().label(), p.processInstanceId());
  }

  @Override
  public long overdue(Jurisdiction caller) {
    return plans.countOverdue(Arrays.stream(PlanStatus.values()).filter(s -> !s.finished()).toList(), caller);
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    Set<PlanStatus> statuses = Set.copyOf(Arrays.stream(PlanStatus.values()).filter(s -> s.finished() == finished).toList());
    PlanRepository.Page result = plans.list(statuses, caller, page, size);
    return new SubjectPage(result.items().stream().map(this::subject).toList(), result.total());
  }

  /** A stage's own words (审核通过, 批准, 予以备案), the system steps' words, an end state's name. */
  @Override
  public String decisionLabel(String stage, String decision) {
    Optional<Stage> s = Stage.of(stage);
    if (s.isPresent() && Decision.of(decision).filter(s.get().decisions()::containsKey).isPresent()) {
      return s.get().decisionLabel(decision);
    }
    if (SYSTEM_DECISIONS.containsKey(decision)) {
      return SYSTEM_DECISIONS.get(decision);
    }
    return Arrays.stream(PlanStatus.values()).filter(st -> st.name().equals(decision)).map(PlanStatus::label).findFirst()
        .orElseGet(() -> Procedure.super.decisionLabel(stage, decision));
  }

  /** The plan's facts, every version it went through, and the findings of its current version. */
  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Plan> found = plans.find(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Plan p = found.get();
    RecordSection facts = new RecordSection("方案信息", List.of(RecordSection.Column.text("项目"), RecordSection.Column.text("内容")),
        List.of(List.of("方案类型", p.planType().label()), List.of("当前版本", "第" + p.currentVersion() + "版"),
            List.of("办结期限", p.deadline() == null ? "未设期限" : p.deadline().toString()),
            List.of("是否逾期", p.overdue() ? "逾期" : "否"),
            List.of("备案编号", p.filingNumber() == null ? "—" : p.filingNumber())), null);
    List<PlanRepository.Version> versions = plans.versions(p.id());
    Map<String, String> who = names.of(versions.stream().map(PlanRepository.Version::submittedBy).toList());
    List<List<String>> versionRows = new ArrayList<>();
    versions.forEach(v -> versionRows.add(List.of("第" + v.version() + "版", String.valueOf(v.townshipCount()),
        who.getOrDefault(v.submittedBy(), v.submittedBy()), RecordSection.time(v.submittedAt()))));
    RecordSection versionTable = new RecordSection("方案版本", List.of(RecordSection.Column.text("版本"),
        RecordSection.Column.text("乡镇（街道）数"), RecordSection.Column.text("提交人"), RecordSection.Column.time("提交时间")),
        versionRows, "暂无");
    List<List<String>> findingRows = new ArrayList<>();
    plans.findings(p.id(), p.currentVersion()).forEach(f -> findingRows.add(Arrays.asList(f.severity().label(), f.message(),
        f.source() == null ? "" : f.source())));
    RecordSection findings = new RecordSection("政策校验结果（第" + p.currentVersion() + "版）", List.of(RecordSection.Column.text("类别"),
        RecordSection.Column.text("说明"), RecordSection.Column.text("政策依据")), findingRows, "未发现问题");
    return List.of(facts, versionTable, findings);
  }

  @Override
  public Integer currentVersion(String businessKey) {
    return plans.find(businessKey).map(Plan::currentVersion).orElse(null);
  }

  @Override
  public boolean mayEdit(String businessKey, Jurisdiction caller) {
    return plans.find(businessKey).map(p -> files.mayEdit(p, caller)).orElse(false);
  }

  @Override
  public String editRule(String businessKey) {
    return plans.find(businessKey).map(files::rule).orElseGet(() -> Procedure.super.editRule(businessKey));
  }

  /** A plan starts as the county's draft (the start form or POST /api/plans): 起草或修改方案（县） is where it goes back to. */
  @Override
  public String startStage() {
    return ProcessKeys.DRAFT_PLAN;
  }

  /** Back at the county, the chain starts again from its first stage once resubmitted (the model's toDraft does the same). */
  @Override
  public void sentBackTo(String processInstanceId, String businessKey, String stageKey) {
    if (ProcessKeys.DRAFT_PLAN.equals(stageKey)) {
      runtime.removeVariable(processInstanceId, StageSequence.VAR_LAST_STAGE);
    }
  }
}
