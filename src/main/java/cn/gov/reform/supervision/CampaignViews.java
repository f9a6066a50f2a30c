package cn.gov.reform.supervision;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.Jurisdiction;

/**
 * The campaign as its readers see it (API, dashboard, CSV for the meeting table): done / in progress / overdue per task,
 * per unit and region, per region — only the work the caller may see — and a unit's reports as the drill-down.
 */
@Component
class CampaignViews {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.ZONE);

  private final SupervisionService service;
  private final SupervisionRepository repository;
  private final WorkingDayCalendar calendar;
  private final AuditTrail audit;

  CampaignViews(SupervisionService service, SupervisionRepository repository, WorkingDayCalendar calendar, AuditTrail audit) {
    this.service = service;
    this.repository = repository;
    this.calendar = calendar;
    this.audit = audit;
  }

  CampaignView view(String id, Jurisdiction caller) {
    Campaign c = service.visibleCampaign(id, caller);
    TaskList list = service.listOf(c);
    LocalDate today = calendar.today();
    List<Work> work = visible(c, caller);
    List<CampaignView.TaskProgress> tasks = new ArrayList<>();
    for (TaskList.Item item : list.tasks()) {
      if (!c.tasks().contains(item.no())) {
        continue;
      }
      List<Work> ofTask = work.stream().filter(w -> w.taskNo().equals(item.no())).toList();
      tasks.add(new CampaignView.TaskProgress(item.no(), item.task(), item.unitsText(), item.deadlineText(), item.source(),
          item.recurring() != null, totals(ofTask, today), ofTask.stream().map(w -> unit(w, today)).toList()));
    }
    Map<String, List<Work>> byRegion = new LinkedHashMap<>();
    work.stream().sorted(Comparator.comparing(CampaignViews::regionKey))
        .forEach(w -> byRegion.computeIfAbsent(regionKey(w), k -> new ArrayList<>()).add(w));
    List<CampaignView.RegionProgress> regions = byRegion.entrySet().stream().map(e -> new CampaignView.RegionProgress(e.getKey(),
        regionLabel(e.getKey()), totals(e.getValue(), today))).toList();
    return new CampaignView(c.id(), c.title(), c.taskListId(), list.document(), c.regionCode(), c.regionName(), c.year(),
        c.reportEvery(), c.supervisorGroup(), c.status(), c.status().label(), c.processInstanceId(), c.createdBy(), c.createdAt(),
        totals(work, today), tasks, regions, audit.timeline(SupervisionKeys.PROCESS, c.id()));
  }

  /** The campaign's work the caller may see, by task, year, region and unit. */
  List<Work> visible(Campaign c, Jurisdiction caller) {
    return repository.workOf(c.id()).stream().filter(w -> service.mayRead(w, caller))
        .sorted(Comparator.comparing((Work w) -> taskOrder(w.taskNo())).thenComparing(w -> w.roundYear() == null ? 0 : w.roundYear())
            .thenComparing(Work::regionCode).thenComparing(Work::unitKey))
        .toList();
  }

  private static String taskOrder(String no) {
    return no.matches("[0-9]+") ? String.format("%05d", Integer.parseInt(no)) : no;
  }

  /** The county a piece of work lies in, or its city (市直单位) or province. */
  private static String regionKey(Work w) {
    return w.countyCode() != null ? w.countyCode() : w.cityCode() != null ? w.cityCode() : w.provinceCode();
  }

  private String regionLabel(String code) {
    String full = service.regionName(code);
    String name = full.contains(" · ") ? full.substring(full.lastIndexOf(" · ") + 3) : full;
    return switch (SupervisionService.level(code)) {
      case CITY -> name + "（市直单位）";
      case PROVINCE -> name + "（省直单位）";
      default -> name;
    };
  }

  static CampaignView.Totals totals(List<Work> work, LocalDate today) {
    int done = (int) work.stream().filter(w -> w.status() == WorkStatus.ACCEPTED).count();
    int overdue = (int) work.stream().filter(w -> w.overdue(today)).count();
    int awaiting = (int) work.stream().filter(w -> w.status() == WorkStatus.AWAITING_ACCEPTANCE).count();
    return new CampaignView.Totals(work.size(), done, work.size() - done - overdue, overdue, awaiting);
  }

  static CampaignView.UnitWork unit(Work w, LocalDate today) {
    return new CampaignView.UnitWork(w.id(), w.unitGroup(), w.unitName(), w.regionCode(), w.regionName(), w.roundYear(),
        w.deadline(), w.status(), w.status().label(), w.overdue(today), w.progress(), w.reports(), w.lastReportAt(),
        w.supervisions());
  }

  /** The meeting table: one row per piece of work, UTF-8 with a BOM so that Excel opens the Chinese as it is. */
  byte[] csv(String id, Jurisdiction caller) {
    Campaign c = service.visibleCampaign(id, caller);
    TaskList list = service.listOf(c);
    LocalDate today = calendar.today();
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, List.of("序号", "重点任务", "责任单位", "地区", "年度", "时间节点", "状态", "是否逾期", "完成进度(%)", "报告次数", "最近报告时间",
        "督办次数", "依据"));
    for (Work w : visible(c, caller)) {
      TaskList.Item item = list.task(w.taskNo()).orElseThrow();
      line(out, List.of(w.taskNo(), item.task(), w.unitName(), w.regionName(), w.roundYear() == null ? "" : w.roundYear() + "年度",
          w.deadline().toString(), w.status().label(), w.overdue(today) ? "逾期" : "否", String.valueOf(w.progress()),
          String.valueOf(w.reports()), w.lastReportAt() == null ? "" : AT.format(w.lastReportAt()),
          String.valueOf(w.supervisions()), item.source()));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append(cells.stream().map(CampaignViews::cell).collect(Collectors.joining(","))).append("\r\n");
  }

  /** RFC 4180 quoting; a cell that a spreadsheet would read as a formula is written as text. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
