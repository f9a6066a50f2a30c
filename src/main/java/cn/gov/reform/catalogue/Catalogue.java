package cn.gov.reform.catalogue;

import java.time.Instant;
import java.time.LocalDate;

import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;

/**
 * A catalogue's row: which township, where it stands, its current version, the edition of the township's catalogue it
 * becomes (an adjustment revises the published one), its campaign deadline, and once published the number of its approval.
 */
record Catalogue(String id, String title, String townshipCode, String townshipName, TownshipType townshipType,
    String regionName, String countyCode, String cityCode, String provinceCode, CatalogueStatus status, int currentVersion,
    int edition, String revisesId, String processInstanceId, LocalDate deadline, String approvalNumber,
    Instant publishedAt, String createdBy, Instant createdAt, Instant updatedAt) {

  /** Past its deadline and still under way. */
  boolean overdue(LocalDate today) {
    return deadline != null && !status.finished() && deadline.isBefore(today);
  }
}
