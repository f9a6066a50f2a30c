package cn.gov.reform.evaluation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.DecisionRefusedException;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.IdempotentRequests;

/**
 * The only writer of an evaluation year's state: launching it (its towns and the recorded random sample), each town's
 * self-evaluation, re-evaluation, on-site check and result, the exit proposals and the provincial government's decisions
 * (which take a town off its list), each step in the year's timeline ({@link AuditTrail}, subject type = process key, the
 * town's code as the step's target); and reading years for the API within the caller's region.
 */
@Service
class EvaluationService {

  private final EvaluationRepository evaluations;
  private final DevelopedTowns towns;
  private final Indicators indicators;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final IdempotentRequests idempotent;
  private final EvaluationProperties properties;
  private final Validation validation;
  private final WorkingDayCalendar calendar;
  private final ObjectMapper json;
  private final SecureRandom seeds = new SecureRandom();

  EvaluationService(EvaluationRepository evaluations, DevelopedTowns towns, Indicators indicators, RegionDirectory regions,
      RuntimeService runtime, AuditTrail audit, IdempotentRequests idempotent, EvaluationProperties properties,
      Validation validation, WorkingDayCalendar calendar, ObjectMapper json) {
    this.evaluations = evaluations;
    this.towns = towns;
    this.indicators = indicators;
    this.regions = regions;
    this.runtime = runtime;
    this.audit = audit;
    this.idempotent = idempotent;
    this.properties = properties;
    this.validation = validation;
    this.calendar = calendar;
    this.json = json;
  }

  record Launched(EvaluationView evaluation, boolean replayed) {}

  /**
   * Launches the province's evaluation of a year, by its 编办 (reviewer+省代码): every town on its list that had entered by
   * that year is evaluated, the sample for the on-site check is drawn from the seed and both are recorded, and the process
   * starts — one transaction, nothing left behind on a refusal.
   */
  Launched launch(LaunchRequest request, String idempotencyKey, Jurisdiction caller, List<String> groups) {
    List<FieldError> errors = validation.errors(request);
    if (errors.isEmpty() && regions.province(request.provinceCode()).isEmpty()) {
      errors.add(new FieldError("provinceCode", "未知的省级行政区代码 " + request.provinceCode()));
    }
    if (errors.isEmpty() && request.year() > calendar.today().getYear()) {
      errors.add(new FieldError("year", "评估年度不能晚于今年（" + calendar.today().getYear() + "）"));
    }
    if (!errors.isEmpty()) {
      throw new EvaluationInputException(errors);
    }
    String province = request.provinceCode();
    if (!Validation.has(groups, Role.REVIEWER, province)) {
      throw ApiException.forbidden("年度评估由省编办（reviewer" + province + "）发起（吉林省实施意见 三(三)：省里复评；四(一)：省编办牵头）");
    }
    IdempotentRequests.Outcome launched = idempotent.create(EvaluationKeys.PROCESS, idempotencyKey, caller.userId(),
        write(request), id -> start(id, request, caller.userId()));
    return new Launched(view(launched.id(), caller), launched.replayed());
  }

  private void start(String id, LaunchRequest request, String actor) {
    String province = request.provinceCode();
    String provinceName = provinceName(province);
    evaluations.ofYear(province, request.year()).ifPresent(e -> {
      throw ApiException.conflict(provinceName + request.year() + "年度的评估已经发起（" + e.status().label() + "）");
    });
    List<ListedTown> listed = towns.current(province).stream().filter(t -> t.enteredYear() <= request.year()).toList();
    if (listed.isEmpty()) {
      throw ApiException.conflict(provinceName + "经济发达镇名单中没有" + request.year() + "年度及以前列入的镇，无可评估");
    }
    List<Indicator> sheet = indicators.of(province);
    if (sheet.isEmpty()) {
      throw ApiException.conflict("决策表 " + EvaluationKeys.INDICATORS_DECISION + " 中没有" + provinceName + "的评估指标，不能发起评估");
    }
    int size = Math.min(request.sampleSize() == null ? properties.sampleSize() : request.sampleSize(), listed.size());
    long seed = request.seed() == null ? seeds.nextLong() : request.seed();
    List<String> sample = Sample.draw(listed.stream().map(ListedTown::townshipCode).toList(), size, seed);
    Instant now = EngineClock.now();
    evaluations.insert(new Evaluation(id, province, request.year(), EvaluationStatus.IN_PROGRESS, size, seed, null, actor, now, now));
    for (ListedTown t : listed) {
      evaluations.insertTown(new EvaluatedTown(id, t.townshipCode(), t.townshipName(), t.countyCode(), t.cityCode(), province,
          EvaluationKeys.SELF_EVALUATION, null, null, null, null, null, null, sample.contains(t.townshipCode()), null, null, null,
          false, null, null, null, null));
    }
    record(id, actor, AuditTrail.Step.of(EvaluationKeys.LAUNCHED, "发起年度评估", "SUBMIT").opinion(provinceName + request.year()
        + "年度经济发达镇评估：" + listed.size() + "个镇（" + names(listed.stream().map(ListedTown::townshipName).toList()) + "），指标"
        + sheet.size() + "项"));
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(EvaluationKeys.SAMPLE, "随机抽取实地核查的镇", "DRAWN").opinion("随机种子 "
        + seed + "，抽取" + size + "个：" + (sample.isEmpty() ? "无" : names(sample.stream().map(this::townName).toList()))
        + "（吉林省实施意见 三(三)：随机抽查）"));
    runtime.createProcessInstanceByKey(EvaluationKeys.PROCESS).businessKey(id).setVariable(EvaluationKeys.VAR_EVALUATION_ID, id)
        .setVariable(EvaluationKeys.VAR_PROVINCE, province).execute();
  }

  // --- reading ---------------------------------------------------------------------------------------------------

  /** The year if the caller may see it: their province, or one of its towns in their region; 404 otherwise. */
  Evaluation visible(String id, Jurisdiction caller) {
    Evaluation e = evaluations.find(id).orElseThrow(() -> notFound(id));
    if (!caller.canSee(null, null, e.provinceCode()) && visibleTowns(e, caller).isEmpty()) {
      throw notFound(id);
    }
    return e;
  }

  private List<EvaluatedTown> visibleTowns(Evaluation e, Jurisdiction caller) {
    return evaluations.towns(e.id()).stream().filter(t -> caller.canSeeTownship(List.of(t.townshipCode()), t.countyCode(),
        t.cityCode(), t.provinceCode())).toList();
  }

  EvaluationView view(String id, Jurisdiction caller) {
    Evaluation e = visible(id, caller);
    List<EvaluatedTown> shown = visibleTowns(e, caller);
    Set<String> codes = shown.stream().map(EvaluatedTown::townshipCode).collect(Collectors.toSet());
    boolean wholeProvince = caller.canSee(null, null, e.provinceCode());
    List<TimelineEntry> timeline = audit.timeline(EvaluationKeys.PROCESS, id).stream()
        .filter(t -> wholeProvince || t.target() != null && codes.contains(t.target())).toList();
    List<EvaluationView.Town> townViews = shown.stream().map(t -> new EvaluationView.Town(t.townshipCode(), t.townshipName(),
        regions.describeCounty(t.countyCode()) + " · " + t.townshipName(), t.stage(), t.stageLabel(), t.openTaskId(), t.sampled(),
        t.selfTotal(), t.finalTotal(), t.maxTotal(), t.result(), t.result() == null ? null : t.result().label(), t.resultSource(),
        evaluations.scores(id, t.townshipCode(), EvaluationRepository.ScoreStage.SELF),
        evaluations.scores(id, t.townshipCode(), EvaluationRepository.ScoreStage.REVIEW), t.reviewOpinion(), t.onsiteOutcome(),
        t.onsiteOpinion(), t.exitProposed(), t.exitReason(), t.exitDecision(), t.exitDecisionNumber(), t.exitOpinion())).toList();
    return new EvaluationView(e.id(), e.provinceCode(), provinceName(e.provinceCode()), e.year(), e.status(), e.status().label(),
        e.sampleSize(), e.seed(), shown.stream().filter(EvaluatedTown::sampled).map(EvaluatedTown::townshipCode).toList(),
        e.processInstanceId(), indicators.of(e.provinceCode()), townViews, e.launchedBy(), e.launchedAt(), timeline);
  }

  EvaluationRepository.Page list(Jurisdiction caller, String provinceCode, Integer year, Boolean finished, int page, int size) {
    return evaluations.list(caller, provinceCode, year, finished, page, size);
  }

  java.util.Optional<Evaluation> stored(String id) {
    return evaluations.find(id);
  }

  Evaluation find(String id) {
    return evaluations.find(id).orElseThrow(() -> new IllegalStateException("evaluation " + id + " not stored"));
  }

  EvaluatedTown town(String id, String townshipCode) {
    return evaluations.town(id, townshipCode)
        .orElseThrow(() -> new IllegalStateException("town " + townshipCode + " not in evaluation " + id));
  }

  List<EvaluatedTown> towns(String id) {
    return evaluations.towns(id);
  }

  List<Score> scores(String id, String townshipCode, EvaluationRepository.ScoreStage stage) {
    return evaluations.scores(id, townshipCode, stage);
  }

  List<Indicator> indicators(Evaluation e) {
    return indicators.of(e.provinceCode());
  }

  // --- the process's steps ---------------------------------------------------------------------------------------

  void started(String id, String processInstanceId) {
    evaluations.setProcessInstance(id, processInstanceId);
  }

  void waitingAt(String id, String townshipCode, EvaluationStage stage, String taskId) {
    evaluations.waitingAt(id, townshipCode, stage.taskKey(), taskId);
    evaluations.touch(id);
  }

  /** The city's scores, each with its evidence (refused field by field otherwise). */
  void selfEvaluated(String id, String townshipCode, List<Score> scores, String opinion, String actor, String taskId) {
    Evaluation e = find(id);
    List<Indicator> sheet = indicators.of(e.provinceCode());
    refuseBad(ScoreSheet.check(scores, sheet, true));
    evaluations.replaceScores(id, townshipCode, EvaluationRepository.ScoreStage.SELF, scores, sheet);
    int total = ScoreSheet.total(scores);
    int max = sheet.stream().mapToInt(Indicator::maxScore).sum();
    evaluations.selfEvaluated(id, townshipCode, total, max);
    record(id, actor, townStep(EvaluationKeys.SELF_EVALUATION, "市（州）自评", Decision.SUBMIT.name(), townshipCode)
        .opinion("自评" + total + "分（满分" + max + "分）" + (opinion == null || opinion.isBlank() ? "" : "。" + opinion)).task(taskId));
  }

  /**
   * The province's scores: a score changed from the self-evaluation needs the opinion saying why; the result follows from
   * the total ({@value EvaluationKeys#RESULT_DECISION}).
   */
  EvaluationResult reEvaluated(String id, String townshipCode, List<Score> scores, String opinion, String actor, String taskId) {
    Evaluation e = find(id);
    List<Indicator> sheet = indicators.of(e.provinceCode());
    refuseBad(ScoreSheet.check(scores, sheet, false));
    List<Score> self = evaluations.scores(id, townshipCode, EvaluationRepository.ScoreStage.SELF);
    List<String> changed = new ArrayList<>();
    for (Score s : scores) {
      self.stream().filter(x -> x.indicator().equals(s.indicator().strip()) && !Objects.equals(x.score(), s.score())).findFirst()
          .ifPresent(x -> changed.add(s.indicator().strip() + " " + x.score() + "→" + s.score()));
    }
    if (!changed.isEmpty() && (opinion == null || opinion.isBlank())) {
      throw new DecisionRefusedException(EvaluationKeys.VAR_OPINION, "复评改动了自评分数（" + String.join("，", changed)
          + "），须写明意见");
    }
    evaluations.replaceScores(id, townshipCode, EvaluationRepository.ScoreStage.REVIEW, scores, sheet);
    int total = ScoreSheet.total(scores);
    int max = sheet.stream().mapToInt(Indicator::maxScore).sum();
    Indicators.Result result = indicators.result(total, max);
    evaluations.reEvaluated(id, townshipCode, total, max, result.result(), result.source(), blankToNull(opinion));
    record(id, actor, townStep(EvaluationKeys.RE_EVALUATION, "省编办复评", Decision.APPROVE.name(), townshipCode)
        .opinion("复评" + total + "分（满分" + max + "分）" + (changed.isEmpty() ? "，与自评一致" : "，改动：" + String.join("，", changed))
            + (opinion == null || opinion.isBlank() ? "" : "。" + opinion)).task(taskId));
    record(id, AuditTrail.SYSTEM, townStep(EvaluationKeys.RESULT, "评估结果", result.result().name(), townshipCode)
        .opinion(townName(townshipCode) + "：" + result.result().label() + "（" + total + "/" + max + "，" + result.source() + "）"));
    return result.result();
  }

  void onsiteChecked(String id, String townshipCode, String decision, String opinion, String actor, String taskId) {
    evaluations.onsiteChecked(id, townshipCode, decision, blankToNull(opinion));
    record(id, actor, townStep(EvaluationKeys.ONSITE_CHECK, "随机抽查（实地核查）", decision, townshipCode).opinion(opinion).task(taskId));
  }

  /**
   * The towns whose result this year is the last of {@code app.evaluations.consecutive-fails-to-exit} FAILs in consecutive
   * years are proposed for leaving the list (济南市实施意见 四(三) 能进能出); returns how many.
   */
  int proposeExits(String id) {
    Evaluation e = find(id);
    int needed = properties.consecutiveFailsToExit();
    int proposed = 0;
    for (EvaluatedTown t : evaluations.towns(id)) {
      List<Integer> failedYears = new ArrayList<>();
      int expected = e.year();
      for (EvaluationRepository.YearResult r : evaluations.results(e.provinceCode(), t.townshipCode())) {
        if (r.year() > e.year()) {
          continue;
        }
        if (r.year() != expected || r.result() != EvaluationResult.FAIL) {
          break;
        }
        failedYears.add(0, r.year());
        expected--;
      }
      if (failedYears.size() >= needed) {
        String reason = "连续" + failedYears.size() + "个评估年度不合格（" + failedYears.stream().map(String::valueOf)
            .collect(Collectors.joining("、")) + "年度），按 app.evaluations.consecutive-fails-to-exit=" + needed + " 提出退出名单的建议"
            + "（济南市实施意见 四(三)：能进能出的动态调整机制）";
        evaluations.exitProposed(id, t.townshipCode(), reason);
        record(id, AuditTrail.SYSTEM, townStep(EvaluationKeys.PROPOSE_EXITS, "提出退出建议", "PROPOSED", t.townshipCode())
            .opinion(t.townshipName() + "：" + reason));
        proposed++;
      }
    }
    if (proposed == 0) {
      record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(EvaluationKeys.PROPOSE_EXITS, "提出退出建议", "NONE")
          .opinion("没有连续" + needed + "个评估年度不合格的镇，名单不变"));
    }
    return proposed;
  }

  List<String> proposals(String id) {
    return evaluations.towns(id).stream().filter(EvaluatedTown::exitProposed).map(EvaluatedTown::townshipCode).toList();
  }

  /** The provincial government's decision on a proposal: APPROVE takes the town off its list under the decision's number. */
  void exitDecided(String id, String townshipCode, String decision, String number, String opinion, String actor, String taskId) {
    Evaluation e = find(id);
    EvaluatedTown t = town(id, townshipCode);
    evaluations.exitDecided(id, townshipCode, decision, blankToNull(number), blankToNull(opinion));
    record(id, actor, townStep(EvaluationKeys.EXIT_DECISION, "省政府决定退出名单", decision, townshipCode)
        .opinion(t.townshipName() + (Decision.APPROVE.name().equals(decision) ? "：同意退出名单（" + number.strip() + "）" : "：不同意退出，保留")
            + (opinion == null || opinion.isBlank() ? "" : "。" + opinion)).task(taskId));
    if (Decision.APPROVE.name().equals(decision)) {
      if (!towns.leave(townshipCode, e.year(), t.exitReason(), number.strip(), id)) {
        throw ApiException.conflict(t.townshipName() + "已不在名单中");
      }
      record(id, AuditTrail.SYSTEM, townStep(EvaluationKeys.LIST_UPDATED, "名单调整", "LEFT", townshipCode)
          .opinion(t.townshipName() + "退出" + provinceName(e.provinceCode()) + "经济发达镇名单（" + number.strip() + "）"));
    }
  }

  void finish(String id) {
    evaluations.updateStatus(id, EvaluationStatus.FINISHED);
    List<EvaluatedTown> all = evaluations.towns(id);
    String summary = java.util.Arrays.stream(EvaluationResult.values()).map(r -> r.label() + all.stream()
        .filter(t -> t.result() == r).count() + "个").collect(Collectors.joining("，"));
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(EvaluationKeys.FINISHED, "年度评估完成", EvaluationStatus.FINISHED.name())
        .opinion(summary));
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  void record(String id, String actor, AuditTrail.Step step) {
    audit.record(EvaluationKeys.PROCESS, id, actor, step);
  }

  private AuditTrail.Step townStep(String stage, String stageName, String decision, String townshipCode) {
    return AuditTrail.Step.of(stage, stageName + " · " + townName(townshipCode), decision).target(townshipCode);
  }

  String townName(String townshipCode) {
    return regions.townshipName(townshipCode).orElse(townshipCode);
  }

  String provinceName(String provinceCode) {
    return regions.province(provinceCode).map(RegionDirectory.Region::name).orElse(provinceCode);
  }

  private static void refuseBad(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new EvaluationInputException(errors);
    }
  }

  private static String names(List<String> names) {
    return String.join("、", names);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String write(Object request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("评估年度不存在", "评估年度 " + id + " 不存在或无权查看");
  }
}
