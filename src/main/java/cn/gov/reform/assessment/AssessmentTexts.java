package cn.gov.reform.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.audit.TimelineEntry;

/** What an assessment-item task shows: the chain with the current stage marked, the request, earlier opinions, Tasklist's subject. */
@Component
class AssessmentTexts {

  private final AssessmentService service;

  AssessmentTexts(AssessmentService service) {
    this.service = service;
  }

  Map<String, Object> of(AssessmentItem a, AssessmentStage stage) {
    AssessmentRequest r = service.content(a);
    AssessmentRules.Route route = service.route(a);
    Map<String, Object> texts = new HashMap<>();
    texts.put(AssessmentKeys.FORM_CHAIN, chain(stage, route));
    texts.put(AssessmentKeys.FORM_SUMMARY, summary(a, r, service.townships(a.id())));
    texts.put(AssessmentKeys.FORM_OPINIONS, opinions(service.timeline(a.id())));
    texts.put(AssessmentKeys.FORM_SUBJECT, a.kind().label() + "：" + a.title() + "（" + a.department() + "）");
    return texts;
  }

  static String chain(AssessmentStage current, AssessmentRules.Route route) {
    String county = mark(current == AssessmentStage.COUNTY_APPROVAL, "县委、县政府审批");
    String province = route.provinceApproval() ? " → " + mark(current == AssessmentStage.PROVINCE_APPROVAL, "省委、省政府审批") : "";
    String revise = current == AssessmentStage.REVISE ? "（当前：【退回申请部门修改】）" : "";
    return "县直部门申请 → " + county + province + revise + "\n审批路径依据：" + route.source();
  }

  private static String mark(boolean current, String name) {
    return current ? "【" + name + "】" : name;
  }

  static String summary(AssessmentItem a, AssessmentRequest r, List<AssessmentRepository.Township> townships) {
    StringBuilder s = new StringBuilder();
    s.append("类别：").append(a.kind().label()).append('\n');
    s.append("申请部门：").append(a.department()).append("（").append(a.regionName()).append("）\n");
    s.append("考核的乡镇：").append(townships.stream().map(AssessmentRepository.Township::name).collect(Collectors.joining("、"))).append('\n');
    for (int i = 0; i < r.items().size(); i++) {
      s.append("考核事项").append(i + 1).append("：").append(r.items().get(i).indicator()).append("（职责 ").append(r.items().get(i).dutyId())
          .append("）\n");
    }
    s.append("理由：").append(r.reason()).append('\n');
    s.append("所依据的文件：").append(r.basis() == null ? "—" : r.basis().text()).append('\n');
    s.append("当前稿：第").append(a.currentVersion()).append("稿");
    return s.toString();
  }

  static String opinions(List<TimelineEntry> timeline) {
    String text = timeline.stream().filter(e -> e.opinion() != null && AssessmentStage.of(e.stage()).isPresent())
        .map(e -> e.stageName() + "（" + e.actor() + "）：" + AssessmentStage.of(e.stage()).get().rules().label(e.decision()) + "，" + e.opinion()).collect(Collectors.joining("\n"));
    return text.isEmpty() ? "暂无" : text;
  }
}
