package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.RecordSection.Column;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.identity.Jurisdiction;

/**
 * The evaluation year as the kernel's shared services see it (record page, approval operations, 抄送, statistics): a
 * province's item (no county or city), so its record page is for the province's officials; a city reads its towns over
 * {@code /api/evaluations/{id}}.
 */
@Component
class EvaluationSubjects implements Procedure {

  private final EvaluationService service;

  EvaluationSubjects(EvaluationService service) {
    this.service = service;
  }

  @Override
  public String processKey() {
    return EvaluationKeys.PROCESS;
  }

  @Override
  public String name() {
    return "经济发达镇年度评估";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return service.stored(businessKey).map(this::subject);
  }

  private Subject subject(Evaluation e) {
    String province = service.provinceName(e.provinceCode());
    return new Subject(EvaluationKeys.PROCESS, e.id(), province + e.year() + "年度经济发达镇评估", province, null, null,
        e.provinceCode(), e.status().name(), e.status().label(), e.processInstanceId());
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    EvaluationRepository.Page p = service.list(caller, null, null, finished, page, size);
    return new SubjectPage(p.items().stream().map(this::subject).toList(), p.total());
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    if ("SUBMIT".equals(decision) && EvaluationKeys.LAUNCHED.equals(stage)) {
      return "发起";
    }
    Optional<EvaluationStage> s = EvaluationStage.of(stage);
    if (s.isPresent()) {
      return s.get().rules().label(decision);
    }
    return switch (decision) {
      case "DRAWN" -> "已抽取";
      case "EXCELLENT", "PASS", "FAIL" -> EvaluationResult.valueOf(decision).label();
      case "PROPOSED" -> "建议退出";
      case "NONE" -> "无";
      case "LEFT" -> "退出名单";
      case "FINISHED" -> "已完成";
      default -> Procedure.sharedLabel(decision);
    };
  }

  /** The year's facts and every town's scores, result, check and exit decision. */
  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Evaluation> found = service.stored(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Evaluation e = found.get();
    List<EvaluatedTown> towns = service.towns(e.id());
    RecordSection facts = new RecordSection("评估年度", List.of(Column.text("项目"), Column.text("内容")), List.of(
        List.of("省", service.provinceName(e.provinceCode())), List.of("评估年度", e.year() + "年度"),
        List.of("参评的镇", towns.size() + "个"), List.of("随机抽查", e.sampleSize() + "个：" + String.join("、", towns.stream()
            .filter(EvaluatedTown::sampled).map(EvaluatedTown::townshipName).toList())),
        List.of("随机种子", String.valueOf(e.seed())), List.of("状态", e.status().label())), null);
    List<List<String>> rows = new ArrayList<>();
    for (EvaluatedTown t : towns) {
      rows.add(List.of(t.townshipName(), t.stageLabel(), t.selfTotal() == null ? "—" : String.valueOf(t.selfTotal()),
          t.finalTotal() == null ? "—" : String.valueOf(t.finalTotal()), t.result() == null ? "—" : t.result().label(),
          t.sampled() ? (t.onsiteOutcome() == null ? "待核查" : "APPROVE".equals(t.onsiteOutcome()) ? "核查属实" : "核查不符") : "未抽中",
          t.exitProposed() ? (t.exitDecision() == null ? "建议退出，待省政府决定" : "APPROVE".equals(t.exitDecision())
              ? "已退出（" + t.exitDecisionNumber() + "）" : "保留") : "—"));
    }
    RecordSection results = new RecordSection("各镇评估情况", List.of(Column.text("镇"), Column.text("环节"), Column.text("自评"),
        Column.text("复评"), Column.text("结果"), Column.text("随机抽查"), Column.text("退出名单")), rows, "暂无");
    return List.of(facts, results);
  }
}
