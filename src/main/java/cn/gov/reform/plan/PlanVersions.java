package cn.gov.reform.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.web.FieldError;

/**
 * A plan's stored versions and what changed between two of them ({@link PlanDiff}): for the API, and for a
 * stage's form, which shows the changes since the version that stage last decided on.
 */
@Component
class PlanVersions {

  private final PlanService service;
  private final PlanRepository plans;

  PlanVersions(PlanService service, PlanRepository plans) {
    this.service = service;
    this.plans = plans;
  }

  @Schema(description = "方案的一个版本")
  record Summary(
      @Schema(description = "版本号", example = "2") int version,
      @Schema(description = "所含乡镇（街道）个数", example = "1") int townshipCount,
      @Schema(description = "提交人（用户 id）", example = "ningyang") String submittedBy,
      @Schema(description = "提交时间（北京时间，带时区）") Instant submittedAt,
      @Schema(description = "是否为当前版本", example = "true") boolean current) {}

  /** The plan's versions, oldest first; 404 for a plan the caller may not see. */
  List<Summary> list(String planId, Jurisdiction caller) {
    Plan plan = service.visible(planId, caller);
    return plans.versions(planId).stream().map(v -> new Summary(v.version(), v.townshipCount(), v.submittedBy(),
        v.submittedAt(), v.version() == plan.currentVersion())).toList();
  }

  /** The changes from {@code from} to {@code to}; 404 for a plan the caller may not see, 400 for a version it lacks. */
  VersionDiff diff(String planId, int from, int to, Jurisdiction caller) {
    Plan plan = service.visible(planId, caller);
    List<FieldError> errors = new ArrayList<>();
    exists(errors, "from", from, plan);
    exists(errors, "to", to, plan);
    if (!errors.isEmpty()) {
      throw new PlanInputException(errors);
    }
    return between(planId, from, to);
  }

  VersionDiff between(String planId, int from, int to) {
    return new VersionDiff(from, to, from == to ? List.of()
        : PlanDiff.between(service.content(planId, from), service.content(planId, to)));
  }

  /**
   * The version a stage last decided on (its newest timeline entry), when the plan has changed since: a returned
   * plan comes back to the stage that returned it with a new version.
   */
  static Optional<Integer> lastSeenBefore(List<TimelineEntry> timeline, String stageKey, int current) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      TimelineEntry e = timeline.get(i);
      if (stageKey.equals(e.stage()) && e.version() != null) {
        return e.version() == current ? Optional.empty() : Optional.of(e.version());
      }
    }
    return Optional.empty();
  }

  private static void exists(List<FieldError> errors, String field, int version, Plan plan) {
    if (version < 1) {
      errors.add(new FieldError(field, "版本号应为正整数（收到 " + version + "）"));
    } else if (version > plan.currentVersion()) {
      errors.add(new FieldError(field, "方案没有第" + version + "版（"
          + (plan.currentVersion() == 1 ? "只有第1版" : "现有第1—" + plan.currentVersion() + "版") + "）"));
    }
  }
}
