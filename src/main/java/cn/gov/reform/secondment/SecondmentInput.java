package cn.gov.reform.secondment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;
import cn.gov.reform.web.FieldError;

/**
 * Whether a request can be accepted at all: the shape of every field ({@link SecondmentRequest}), dates that make sense
 * (the period starts today or later and ends on or after its start, the person started in the township before today), a
 * known township in a county the caller requests for ({@code requester<county>}), and no other
 * secondment of the person under way or approved for an overlapping period. The documents' rules are not checked here
 * ({@link SecondmentRules}).
 */
@Component
class SecondmentInput {

  /** Sanity bounds of the dates (not rules: the 6-month rule is the decision table's). */
  private static final LocalDate EARLIEST_START_IN_TOWNSHIP = LocalDate.of(1950, 1, 1);
  private static final int LONGEST_PERIOD_YEARS = 5;

  private final Validator validator;
  private final RegionDirectory regions;
  private final WorkingDayCalendar calendar;
  private final SecondmentRepository secondments;

  SecondmentInput(Validator validator, RegionDirectory regions, WorkingDayCalendar calendar, SecondmentRepository secondments) {
    this.validator = validator;
    this.regions = regions;
    this.calendar = calendar;
    this.secondments = secondments;
  }

  /**
   * The township's county; refuses the request with every field at fault (403 for a caller who requests for no region).
   * {@code id} is the request's own id when it is revised (null when new), {@code groups} the caller's groups, {@code admin}
   * whether the caller is an administrator.
   */
  RegionDirectory.Region check(String id, SecondmentRequest r, List<String> groups, boolean admin) {
    Set<String> requesting = groups.stream().map(Role::parse).flatMap(java.util.Optional::stream)
        .filter(m -> m.role() == Role.REQUESTER).map(Role.Membership::regionCode).collect(Collectors.toSet());
    if (!admin && requesting.isEmpty()) {
      throw new AccessRefusedException("只有借调申请单位（requester+县代码）可以提出借调申请");
    }
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<SecondmentRequest> v : validator.validate(r)) {
      errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    RegionDirectory.Region county = null;
    if (r.townshipCode() != null && r.townshipCode().matches("[0-9]{9}")) {
      county = regions.countyOfTownship(r.townshipCode()).flatMap(regions::county).orElse(null);
      if (county == null) {
        errors.add(new FieldError("townshipCode", "未知的乡镇（街道）代码 " + r.townshipCode()));
      } else if (!admin && !requesting.contains(county.code())) {
        errors.add(new FieldError("townshipCode", regions.townshipName(r.townshipCode()).orElse(r.townshipCode()) + "（"
            + regions.describeCounty(county.code()) + "）不在申请单位所辖的" + requesting.stream().sorted()
            .map(this::regionName).collect(Collectors.joining("、")) + "：只能借调本县乡镇的工作人员"));
      }
    }
    dates(r, errors);
    if (errors.isEmpty()) {
      overlap(id, r, errors);
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new SecondmentInputException(errors);
    }
    return county;
  }

  private void dates(SecondmentRequest r, List<FieldError> errors) {
    LocalDate today = calendar.today();
    if (r.startDate() != null && r.startDate().isBefore(today)) {
      errors.add(new FieldError("startDate", "借调开始日期（" + r.startDate() + "）不能早于今天（" + today + "）"));
    }
    if (r.startDate() != null && r.endDate() != null) {
      if (r.endDate().isBefore(r.startDate())) {
        errors.add(new FieldError("endDate", "借调结束日期（" + r.endDate() + "）不能早于开始日期（" + r.startDate() + "）"));
      } else if (r.endDate().isAfter(r.startDate().plusYears(LONGEST_PERIOD_YEARS))) {
        errors.add(new FieldError("endDate", "借调期限超过" + LONGEST_PERIOD_YEARS + "年，请核对日期"));
      }
    }
    if (r.startedInTownship() != null && (r.startedInTownship().isAfter(today)
        || r.startedInTownship().isBefore(EARLIEST_START_IN_TOWNSHIP))) {
      errors.add(new FieldError("startedInTownship", "到乡镇工作的日期（" + r.startedInTownship() + "）应在"
          + EARLIEST_START_IN_TOWNSHIP + "至今天（" + today + "）之间"));
    }
  }

  /** No two secondments of a person, under way or approved, for overlapping periods. */
  private void overlap(String id, SecondmentRequest r, List<FieldError> errors) {
    secondments.ofPerson(r.personId(), id == null ? "" : id, List.of(SecondmentStatus.DRAFT, SecondmentStatus.IN_REVIEW,
        SecondmentStatus.SECONDED, SecondmentStatus.RETURNED)).stream()
        .filter(s -> !s.startDate().isAfter(r.endDate()) && !s.endDate().isBefore(r.startDate())).findFirst()
        .ifPresent(s -> errors.add(new FieldError("startDate", r.personName() + "已有" + s.status().label() + "的借调（"
            + s.requestingBody() + "，" + s.startDate() + "至" + s.endDate() + "），借调期间不能重叠；延期请从" + s.endDate().plusDays(1)
            + "起另行申请")));
  }

  private String regionName(String code) {
    return regions.county(code).map(c -> c.name()).orElse(code);
  }
}
