package cn.gov.reform.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Finding.Severity;

/**
 * What the county committee and government must weigh beyond the request itself, as WARNING findings: each township's
 * objection with its reasons, each township that let its time pass without an opinion (the duty must be heard by the
 * townships, 通办发〔2020〕6号 二(五)13), and the higher-level document a request cites for a form the documents otherwise ban.
 */
final class DutyFindings {

  /** The clause of hearing the townships. */
  static final String HEARING_SOURCE = "通办发〔2020〕6号 二(五)13（充分听取基层意见）";
  /** The clause of the banned forms and their exception. */
  static final String FORMS_SOURCE = "济南市实施意见 二(四)1；鲁厅字〔2018〕33号 五(一)；通办发〔2020〕6号 二(五)13";

  private DutyFindings() {}

  static List<Finding> of(DutyRequest request, List<DutyRepository.Township> townships) {
    List<Finding> findings = new ArrayList<>();
    for (DutyRepository.Township t : townships) {
      if (t.opinion() == TownshipOpinion.OBJECTED) {
        findings.add(new Finding("DUTY-TOWNSHIP-OBJECTION", Severity.WARNING, t.code(), t.name() + "有异议：" + t.text(),
            HEARING_SOURCE, t.opinion().name(), null));
      } else if (t.opinion() == TownshipOpinion.NOT_GIVEN) {
        findings.add(new Finding("DUTY-TOWNSHIP-NO-OPINION", Severity.WARNING, t.code(), t.name() + "逾期未反馈意见",
            HEARING_SOURCE, t.opinion().name(), null));
      }
    }
    if (!request.forms().isEmpty() && request.basis() != null) {
      findings.add(new Finding("DUTY-CITED-BASIS", Severity.WARNING, null, "以" + request.forms().stream()
          .map(DutyRequest.ShiftedForm::label).collect(Collectors.joining("、")) + "的形式要求乡镇承担，所引文件："
          + request.basis().text() + "；请核实该文件确有明确要求", FORMS_SOURCE, request.basis().number(), null));
    }
    return findings;
  }

  /** 2个乡镇：无异议1个（磁窑镇），有异议1个（华丰镇），逾期未反馈0个 */
  static String summary(List<DutyRepository.Township> townships) {
    Map<TownshipOpinion, List<String>> by = townships.stream().collect(Collectors.groupingBy(DutyRepository.Township::opinion,
        Collectors.mapping(DutyRepository.Township::name, Collectors.toList())));
    Function<TownshipOpinion, String> part = o -> o.label() + by.getOrDefault(o, List.of()).size() + "个"
        + (by.containsKey(o) ? "（" + String.join("、", by.get(o)) + "）" : "");
    return townships.size() + "个乡镇：" + part.apply(TownshipOpinion.AGREED) + "，" + part.apply(TownshipOpinion.OBJECTED) + "，"
        + part.apply(TownshipOpinion.NOT_GIVEN);
  }
}
