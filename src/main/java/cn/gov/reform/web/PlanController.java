package cn.gov.reform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.reform.plan.CurrentCaller;
import cn.gov.reform.plan.FieldError;
import cn.gov.reform.plan.Plan;
import cn.gov.reform.plan.PlanInputException;
import cn.gov.reform.plan.PlanRepository;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PlanService;
import cn.gov.reform.plan.PlanStatus;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.policy.Finding;

/** The domain API (CONTRACT "Domain API"). */
@RestController
@RequestMapping("/api")
class PlanController {

  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private final PlanService service;
  private final CurrentCaller caller;

  PlanController(PlanService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @PostMapping("/plans")
  ResponseEntity<PlanView> create(@RequestBody PlanRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new PlanInputException("Idempotency-Key", "长度应为1—" + MAX_IDEMPOTENCY_KEY + "个字符");
    }
    PlanService.Created created = service.create(request, idempotencyKey, caller.jurisdiction());
    return ResponseEntity.created(URI.create("/api/plans/" + created.plan().id()))
        .header("Idempotent-Replayed", String.valueOf(created.replayed()))
        .body(created.plan());
  }

  @GetMapping("/plans/{id}")
  PlanView get(@PathVariable String id) {
    return service.get(id, caller.jurisdiction());
  }

  @PutMapping("/plans/{id}")
  PlanView revise(@PathVariable String id, @RequestBody PlanRequest request) {
    return service.revise(id, request, caller.jurisdiction());
  }

  record PlanSummary(String id, String title, PlanRequest.PlanType planType, String countyCode, String cityCode,
      String provinceCode, PlanStatus status, int version, java.time.LocalDate deadline, boolean overdue,
      String filingNumber, java.time.Instant createdAt, java.time.Instant updatedAt) {

    static PlanSummary of(Plan p) {
      return new PlanSummary(p.id(), p.title(), p.planType(), p.countyCode(), p.cityCode(), p.provinceCode(),
          p.status(), p.currentVersion(), p.deadline(), p.overdue(), p.filingNumber(), p.createdAt(), p.updatedAt());
    }
  }

  record PlanPage(List<PlanSummary> items, int page, int size, long total) {}

  @GetMapping("/plans")
  PlanPage list(@RequestParam(required = false) String countyCode, @RequestParam(required = false) String cityCode,
      @RequestParam(required = false) String provinceCode, @RequestParam(required = false) PlanStatus status,
      @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > 100_000) {
      throw new PlanInputException("page", "应为0—100000");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new PlanInputException("size", "应为1—" + MAX_PAGE_SIZE);
    }
    List<FieldError> errors = new java.util.ArrayList<>();
    code(errors, "countyCode", countyCode);
    code(errors, "cityCode", cityCode);
    code(errors, "provinceCode", provinceCode);
    if (!errors.isEmpty()) {
      throw new PlanInputException(errors);
    }
    PlanRepository.Page result = service.list(new PlanRepository.Filter(countyCode, cityCode, provinceCode, status, overdue),
        caller.jurisdiction(), page, size);
    return new PlanPage(result.items().stream().map(PlanSummary::of).toList(), page, size, result.total());
  }

  record Validation(boolean valid, List<Finding> findings) {}

  @PostMapping("/policy/validate")
  Validation validate(@RequestBody PlanRequest request) {
    caller.jurisdiction();
    List<Finding> findings = service.check(request);
    return new Validation(findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR), findings);
  }

  private static void code(List<FieldError> errors, String field, String value) {
    if (value != null && !value.matches("[0-9]{6}")) {
      errors.add(new FieldError(field, "应为6位行政区划代码"));
    }
  }
}
