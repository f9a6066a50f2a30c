package cn.gov.reform.secondment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A secondment as stored (V9__secondments.sql): the request's current version, where the person works, its status, the
 * months it lasts and the months of the earlier secondments it continues (an extension), the chain it was given.
 */
record Secondment(String id, String personId, String personName, String townshipCode, String townshipName, String regionName,
    String countyCode, String cityCode, String provinceCode, LocalDate startedInTownship, String requestingBody, String reason,
    LocalDate startDate, LocalDate endDate, String specialJustification, SecondmentStatus status, int currentVersion,
    Integer months, Integer earlierMonths, String extendsId, String routeName, String processInstanceId, LocalDate reminderDate,
    String createdBy, Instant createdAt, Instant updatedAt) {

  SecondmentRequest request() {
    return new SecondmentRequest(personId, personName, townshipCode, startedInTownship, requestingBody, reason, startDate, endDate,
        specialJustification);
  }

  /** 宁阳县 · 磁窑镇 · 张明 借调至宁阳县发展和改革局（2027-03-01至2027-08-31） */
  String label() {
    String[] parts = regionName.split(" · ");
    String county = parts.length > 2 ? parts[2] : countyCode;
    return county + " · " + townshipName + " · " + personName + " 借调至" + requestingBody + "（" + startDate + "至" + endDate + "）";
  }
}
