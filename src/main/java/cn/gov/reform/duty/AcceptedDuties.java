package cn.gov.reform.duty;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.TownshipDuties;

/** Each township's list of accepted duties, for the kernel's other procedures: the approved requests that name it. */
@Component
class AcceptedDuties implements TownshipDuties {

  private final DutyRepository duties;

  AcceptedDuties(DutyRepository duties) {
    this.duties = duties;
  }

  @Override
  public List<AcceptedDuty> of(String townshipCode) {
    return duties.accepted(townshipCode).stream().map(d -> duty(d, townshipCode)).toList();
  }

  @Override
  public Optional<AcceptedDuty> find(String townshipCode, String dutyId) {
    return of(townshipCode).stream().filter(d -> d.id().equals(dutyId)).findFirst();
  }

  private AcceptedDuty duty(Duty d, String townshipCode) {
    return new AcceptedDuty(d.id(), d.title(), d.department(), townshipCode, d.countyCode(),
        duties.version(d, d.currentVersion()).deadline(), d.approvedAt());
  }
}
