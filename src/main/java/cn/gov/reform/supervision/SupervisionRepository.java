package cn.gov.reform.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.gov.reform.identity.Jurisdiction;

/** Campaigns, their work and the units' reports (V12__key_task_supervision.sql). */
@Repository
class SupervisionRepository {

  /** Township officials see the work naming their township. */
  static final String TOWNSHIP_CONDITION = "w.township_code = ?";

  private final JdbcTemplate jdbc;

  SupervisionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- campaigns ---------------------------------------------------------------------------------------------------

  void insert(Campaign c, String openKey) {
    jdbc.update("""
        insert into app_supervision_campaign (id, task_list_id, title, region_code, region_name, county_code, city_code,
          province_code, campaign_year, end_year, task_nos, report_every, supervisor_group, status, open_key,
          process_instance_id, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        c.id(), c.taskListId(), c.title(), c.regionCode(), c.regionName(), c.countyCode(), c.cityCode(), c.provinceCode(),
        c.year(), c.endYear(), c.taskNos(), c.reportEvery(), c.supervisorGroup(), c.status().name(), openKey,
        c.processInstanceId(), c.createdBy(), ts(c.createdAt()), ts(c.updatedAt()));
  }

  Optional<Campaign> campaign(String id) {
    return jdbc.query("select * from app_supervision_campaign where id = ?", SupervisionRepository::campaign, id).stream()
        .findFirst();
  }

  Optional<Campaign> open(String openKey) {
    return jdbc.query("select * from app_supervision_campaign where open_key = ?", SupervisionRepository::campaign, openKey)
        .stream().findFirst();
  }

  void setProcessInstance(String campaignId, String processInstanceId) {
    jdbc.update("update app_supervision_campaign set process_instance_id = ? where id = ?", processInstanceId, campaignId);
  }

  void setStatus(String campaignId, CampaignStatus status, Instant at) {
    jdbc.update("update app_supervision_campaign set status = ?, open_key = case when ? = 'ACTIVE' then open_key end,"
        + " updated_at = ? where id = ?", status.name(), status.name(), ts(at), campaignId);
  }

  record Page(List<Campaign> items, long total) {}

  /** The campaigns the caller may see: their region covers the campaign's, or one of its pieces of work. */
  Page campaigns(Jurisdiction caller, int page, int size) {
    List<Object> args = new ArrayList<>();
    String own = caller.sqlScope("c", args);
    String work = caller.sqlScope("w", args, TOWNSHIP_CONDITION);
    if (own == null && work == null) {
      return new Page(List.of(), 0);
    }
    String where = " where " + (own == null ? "1=0" : own) + " or exists (select 1 from app_supervision_work w"
        + " where w.campaign_id = c.id and " + (work == null ? "1=0" : work) + ")";
    long total = jdbc.queryForObject("select count(*) from app_supervision_campaign c" + where, Long.class, args.toArray());
    List<Object> paged = new ArrayList<>(args);
    paged.add(size);
    paged.add((long) page * size);
    List<Campaign> items = jdbc.query("select * from app_supervision_campaign c" + where
        + " order by c.created_at desc, c.id limit ? offset ?", SupervisionRepository::campaign, paged.toArray());
    return new Page(items, total);
  }

  // --- work ---------------------------------------------------------------------------------------------------------

  void insert(List<Work> work) {
    jdbc.batchUpdate("""
        insert into app_supervision_work (id, campaign_id, task_no, round_year, unit_key, unit_group, unit_name, region_code,
          region_name, county_code, city_code, province_code, township_code, deadline, status, progress, last_report_at,
          reports, supervisions, accepted_at, process_instance_id, created_at, updated_at)
        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", work.stream().map(w -> new Object[] {w.id(), w.campaignId(),
        w.taskNo(), w.roundYear(), w.unitKey(), w.unitGroup(), w.unitName(), w.regionCode(), w.regionName(), w.countyCode(),
        w.cityCode(), w.provinceCode(), w.townshipCode(), w.deadline(), w.status().name(), w.progress(), null, 0, 0, null,
        w.processInstanceId(), ts(w.createdAt()), ts(w.updatedAt())}).toList());
  }

  Optional<Work> work(String id) {
    return jdbc.query("select * from app_supervision_work where id = ?", SupervisionRepository::work, id).stream().findFirst();
  }

  Optional<Work> workForUpdate(String id) {
    return jdbc.query("select * from app_supervision_work where id = ? for update", SupervisionRepository::work, id).stream()
        .findFirst();
  }

  /** Every piece of work of a campaign, by task, round, region and unit. */
  List<Work> workOf(String campaignId) {
    return jdbc.query("select * from app_supervision_work where campaign_id = ?", SupervisionRepository::work, campaignId);
  }

  boolean hasRound(String campaignId, int year) {
    return jdbc.queryForObject("select count(*) from app_supervision_work where campaign_id = ? and round_year = ?",
        Long.class, campaignId, year) > 0;
  }

  long unfinished(String campaignId) {
    return jdbc.queryForObject("select count(*) from app_supervision_work where campaign_id = ? and status <> 'ACCEPTED'",
        Long.class, campaignId);
  }

  void setProcessInstances(List<Object[]> instanceAndWork) {
    jdbc.batchUpdate("update app_supervision_work set process_instance_id = ? where id = ?", instanceAndWork);
  }

  void reported(String id, WorkStatus status, int progress, Instant at) {
    jdbc.update("update app_supervision_work set status = ?, progress = ?, last_report_at = ?, reports = reports + 1,"
        + " updated_at = ? where id = ?", status.name(), progress, ts(at), ts(at), id);
  }

  void setStatus(String id, WorkStatus status, Instant at) {
    jdbc.update("update app_supervision_work set status = ?, accepted_at = ?, updated_at = ? where id = ?", status.name(),
        status == WorkStatus.ACCEPTED ? ts(at) : null, ts(at), id);
  }

  void supervised(String id, LocalDate newDeadline, Instant at) {
    jdbc.update("update app_supervision_work set supervisions = supervisions + 1, deadline = coalesce(?, deadline),"
        + " updated_at = ? where id = ?", newDeadline, ts(at), id);
  }

  /** How many pieces of work the caller may see are under way ({@code finished} false) or accepted, or overdue. */
  long countWork(Jurisdiction caller, Boolean finished, LocalDate overdueBefore) {
    List<Object> args = new ArrayList<>();
    String scope = caller.sqlScope("w", args, TOWNSHIP_CONDITION);
    if (scope == null) {
      return 0;
    }
    StringBuilder where = new StringBuilder(" where ").append(scope);
    if (finished != null) {
      where.append(finished ? " and w.status = 'ACCEPTED'" : " and w.status <> 'ACCEPTED'");
    }
    if (overdueBefore != null) {
      where.append(" and w.status <> 'ACCEPTED' and w.deadline < ?");
      args.add(overdueBefore);
    }
    return jdbc.queryForObject("select count(*) from app_supervision_work w" + where, Long.class, args.toArray());
  }

  /** A page of the work the caller may see, under way or accepted, the most recently changed first. */
  List<Work> workPage(Jurisdiction caller, boolean finished, int page, int size) {
    List<Object> args = new ArrayList<>();
    String scope = caller.sqlScope("w", args, TOWNSHIP_CONDITION);
    if (scope == null) {
      return List.of();
    }
    args.add(size);
    args.add((long) page * size);
    return jdbc.query("select * from app_supervision_work w where " + scope
        + (finished ? " and w.status = 'ACCEPTED'" : " and w.status <> 'ACCEPTED'")
        + " order by w.updated_at desc, w.id limit ? offset ?", SupervisionRepository::work, args.toArray());
  }

  // --- reports ------------------------------------------------------------------------------------------------------

  void insert(String workId, String kind, int progress, String content, String evidence, String by, Instant at,
      String taskId) {
    jdbc.update("""
        insert into app_supervision_report (work_id, kind, progress, content, evidence, reported_by, reported_at, task_id)
        values (?,?,?,?,?,?,?,?)""", workId, kind, progress, content, evidence, by, ts(at), taskId);
  }

  List<Report> reports(String workId) {
    return jdbc.query("select * from app_supervision_report where work_id = ? order by id", (rs, i) -> new Report(
        rs.getString("kind"), rs.getInt("progress"), rs.getString("content"), rs.getString("evidence"),
        rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant()), workId);
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Campaign campaign(ResultSet rs, int i) throws SQLException {
    return new Campaign(rs.getString("id"), rs.getString("task_list_id"), rs.getString("title"), rs.getString("region_code"),
        rs.getString("region_name"), rs.getString("county_code"), rs.getString("city_code"), rs.getString("province_code"),
        rs.getInt("campaign_year"), rs.getInt("end_year"), rs.getString("task_nos"), rs.getInt("report_every"),
        rs.getString("supervisor_group"), CampaignStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
        rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
  }

  private static Work work(ResultSet rs, int i) throws SQLException {
    return new Work(rs.getString("id"), rs.getString("campaign_id"), rs.getString("task_no"),
        rs.getObject("round_year") == null ? null : rs.getInt("round_year"), rs.getString("unit_key"),
        rs.getString("unit_group"), rs.getString("unit_name"), rs.getString("region_code"), rs.getString("region_name"),
        rs.getString("county_code"), rs.getString("city_code"), rs.getString("province_code"), rs.getString("township_code"),
        rs.getDate("deadline").toLocalDate(), WorkStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
        instant(rs, "last_report_at"), rs.getInt("reports"), rs.getInt("supervisions"), instant(rs, "accepted_at"),
        rs.getString("process_instance_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
  }
}
