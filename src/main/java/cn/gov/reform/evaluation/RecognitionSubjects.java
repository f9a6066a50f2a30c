package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.RecordSection;
import cn.gov.reform.approval.RecordSection.Column;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.approval.SubjectPage;
import cn.gov.reform.identity.Jurisdiction;

/** An application to enter the list as the kernel's shared services see it: the town's item (its city, county, township). */
@Component
class RecognitionSubjects implements Procedure {

  private final RecognitionService service;

  RecognitionSubjects(RecognitionService service) {
    this.service = service;
  }

  @Override
  public String processKey() {
    return EvaluationKeys.RECOGNITION;
  }

  @Override
  public String name() {
    return "经济发达镇认定（列入名单）";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return service.stored(businessKey).map(this::subject);
  }

  private Subject subject(Recognition r) {
    return new Subject(EvaluationKeys.RECOGNITION, r.id(), "申请将" + r.townshipName() + "列入经济发达镇名单", service.region(r),
        r.countyCode(), r.cityCode(), r.provinceCode(), r.status().name(), r.status().label(), r.processInstanceId(),
        List.of(r.townshipCode()));
  }

  @Override
  public SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size) {
    RecognitionRepository.Page p = service.list(caller, null, finished, page, size);
    return new SubjectPage(p.items().stream().map(this::subject).toList(), p.total());
  }

  @Override
  public String decisionLabel(String stage, String decision) {
    if (EvaluationKeys.RECOGNITION_APPROVAL.equals(stage)) {
      return EvaluationStage.RECOGNITION_APPROVAL.rules().label(decision);
    }
    return switch (decision) {
      case "PASSED" -> "符合认定标准";
      case "FAILED" -> "不符合认定标准";
      case "ENTERED" -> "列入名单";
      default -> Arrays.stream(RecognitionStatus.values()).filter(s -> s.name().equals(decision)).findFirst()
          .map(RecognitionStatus::label).orElseGet(() -> Procedure.sharedLabel(decision));
    };
  }

  @Override
  public List<RecordSection> recordSections(String businessKey) {
    Optional<Recognition> found = service.stored(businessKey);
    if (found.isEmpty()) {
      return List.of();
    }
    Recognition r = found.get();
    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("镇", service.region(r)));
    facts.add(List.of("建成区常住人口", r.builtUpPopulation() + "人"));
    r.rankings().forEach(k -> facts.add(List.of(k.year() + "年排名", "城镇化率第" + k.urbanisationRank() + "名、公共财政收入第"
        + k.revenueRank() + "名（全省乡镇" + k.townshipCount() + "个）")));
    facts.add(List.of("放宽标准的理由", r.relaxedReason() == null ? "—" : r.relaxedReason()));
    facts.add(List.of("省政府认定文号", r.decisionNumber() == null ? "—" : r.decisionNumber()));
    List<List<String>> findings = new ArrayList<>();
    service.storedFindings(r.id()).forEach(f -> findings.add(Arrays.asList(f.severity().label(), f.message(), f.source())));
    return List.of(new RecordSection("申请信息", List.of(Column.text("项目"), Column.text("内容")), facts, null),
        new RecordSection("认定标准检查", List.of(Column.text("类别"), Column.text("说明"), Column.text("依据")), findings, "符合认定标准"));
  }
}
