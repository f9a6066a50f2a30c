package cn.gov.reform.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.FindingTable;
import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TakenBack;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** The catalogue's own tables (V8__power_catalogues.sql). Written only by {@link CatalogueService}. */
@Repository
class CatalogueRepository {

  private static final RowMapper<Catalogue> CATALOGUE = CatalogueRepository::map;
  private static final List<String> OPEN = List.of(CatalogueStatus.DRAFT.name(), CatalogueStatus.IN_REVIEW.name());

  private final JdbcTemplate jdbc;
  private final FindingTable findings;

  CatalogueRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.findings = new FindingTable(jdbc, "app_catalogue_finding", "catalogue_id");
  }

  void insert(Catalogue c) {
    jdbc.update("""
        insert into app_catalogue (id, title, township_code, township_name, township_type, region_name, county_code, city_code,
          province_code, status, current_version, edition, revises_id, process_instance_id, deadline, open_township,
          approval_number, published_at, created_by, created_at, updated_at)
        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        c.id(), c.title(), c.townshipCode(), c.townshipName(), c.townshipType().name(), c.regionName(), c.countyCode(),
        c.cityCode(), c.provinceCode(), c.status().name(), c.currentVersion(), c.edition(), c.revisesId(),
        c.processInstanceId(), c.deadline(), c.townshipCode(), null, null, c.createdBy(), Timestamp.from(c.createdAt()),
        Timestamp.from(c.updatedAt()));
  }

  Optional<Catalogue> find(String id) {
    return jdbc.query("select * from app_catalogue where id = ?", CATALOGUE, id).stream().findFirst();
  }

  /** Locks the row for the rest of the transaction: revisions and decisions on one catalogue are serial. */
  Optional<Catalogue> findForUpdate(String id) {
    return jdbc.query("select * from app_catalogue where id = ? for update", CATALOGUE, id).stream().findFirst();
  }

  /** The township's catalogue under way, if any (at most one: app_catalogue_open_uq). */
  Optional<Catalogue> open(String townshipCode) {
    return jdbc.query("select * from app_catalogue where open_township = ?", CATALOGUE, townshipCode).stream().findFirst();
  }

  /** The township's published catalogue: the one in force. */
  Optional<Catalogue> published(String townshipCode) {
    return jdbc.query("select * from app_catalogue where township_code = ? and status = ?", CATALOGUE, townshipCode,
        CatalogueStatus.PUBLISHED.name()).stream().findFirst();
  }

  /** Every edition the township ever published, the first first. */
  List<Catalogue> editions(String townshipCode) {
    return jdbc.query("select * from app_catalogue where township_code = ? and status in (?, ?) order by edition", CATALOGUE,
        townshipCode, CatalogueStatus.PUBLISHED.name(), CatalogueStatus.SUPERSEDED.name());
  }

  record Filter(String townshipCode, String countyCode, String cityCode, String provinceCode, Collection<CatalogueStatus> statuses,
      Boolean overdue, LocalDate today) {}

  record Page(List<Catalogue> items, long total) {}

  /** A page of the catalogues the caller may see that pass the filter, the most recently changed first. */
  Page list(Filter f, Jurisdiction who, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("township_code", f.townshipCode()).eq("county_code", f.countyCode())
        .eq("city_code", f.cityCode()).eq("province_code", f.provinceCode());
    if (f.statuses() != null) {
      q.in("status", f.statuses().stream().map(CatalogueStatus::name).toList());
    }
    if (f.overdue() != null) {
      q.and((f.overdue() ? "" : "not ") + OVERDUE, OPEN.get(0), OPEN.get(1), java.sql.Date.valueOf(f.today()));
    }
    if (!q.visibleTo(who, null)) {
      return new Page(List.of(), 0);
    }
    return page(q, "app_catalogue", "updated_at desc, id", page, size);
  }

  private Page page(ScopedQuery q, String from, String order, int page, int size) {
    Long total = jdbc.queryForObject("select count(*) from " + from + q.where(), Long.class, q.args());
    return new Page(jdbc.query("select * from " + from + q.where() + " order by " + order + " limit ? offset ?", CATALOGUE,
        q.pageArgs(page, size)), total == null ? 0 : total);
  }

  /** Under way and past its deadline (arguments: the two open statuses, today). */
  static final String OVERDUE = "(status in (?, ?) and deadline is not null and deadline < ?)";

  /** What the public searches published catalogues by: a township, a region (code or part of its name), a power's name. */
  record PublicFilter(String townshipCode, String region, String item) {}

  /** A page of the catalogues in force (PUBLISHED) that pass the filter, by region. */
  Page published(PublicFilter f, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("c.status", CatalogueStatus.PUBLISHED.name()).eq("c.township_code", f.townshipCode());
    if (f.region() != null && !f.region().isBlank()) {
      String region = f.region().strip();
      if (region.matches("[0-9]{6}|[0-9]{9}")) {
        q.and("(c.township_code = ? or c.county_code = ? or c.city_code = ? or c.province_code = ?)", region, region, region, region);
      } else {
        q.and("c.region_name like ? escape '\\'", like(region));
      }
    }
    if (f.item() != null && !f.item().isBlank()) {
      q.and("exists (select 1 from app_catalogue_item i where i.catalogue_id = c.id and i.version = c.current_version"
          + " and i.name like ? escape '\\')", like(f.item().strip()));
    }
    return page(q, "app_catalogue c", "c.township_code", page, size);
  }

  /** {@code %text%} with the text's own wildcards taken literally. */
  private static String like(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  // --- state ---------------------------------------------------------------------------------------------------

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_catalogue set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  void updateStatus(String id, CatalogueStatus status) {
    jdbc.update("update app_catalogue set status = ?, open_township = case when ? then township_code end, updated_at = ? where id = ?",
        status.name(), !status.finished(), now(), id);
  }

  void published(String id, String approvalNumber) {
    jdbc.update("""
        update app_catalogue set status = ?, open_township = null, approval_number = ?, published_at = ?, updated_at = ?
        where id = ?""", CatalogueStatus.PUBLISHED.name(), approvalNumber, now(), now(), id);
  }

  void setCurrentVersion(String id, int version, String title) {
    jdbc.update("update app_catalogue set current_version = ?, title = ?, updated_at = ? where id = ?", version, title, now(), id);
  }

  // --- versions, items, powers taken back ------------------------------------------------------------------------

  void insertVersion(String id, int version, CatalogueRequest content, String by, Instant at) {
    jdbc.update("insert into app_catalogue_version (catalogue_id, version, title, item_count, submitted_by, submitted_at) values (?,?,?,?,?,?)",
        id, version, content.title().strip(), content.items().size(), by, Timestamp.from(at));
    List<Object[]> items = new ArrayList<>();
    for (int i = 0; i < content.items().size(); i++) {
      Item it = content.items().get(i);
      LegalBasis basis = it.legalBasis();
      items.add(new Object[] {id, version, i, it.name().strip(), it.kind().name(), it.mode().name(), it.department().strip(),
          basis == null ? null : blankToNull(basis.law()), basis == null ? null : blankToNull(basis.article()),
          blankToNull(it.guidanceEntry()), blankToNull(it.reason())});
    }
    jdbc.batchUpdate("""
        insert into app_catalogue_item (catalogue_id, version, position, name, power_kind, power_mode, department, law, article,
          guidance_entry, reason) values (?,?,?,?,?,?,?,?,?,?,?)""", items);
    List<Object[]> back = new ArrayList<>();
    for (int i = 0; i < content.takenBack().size(); i++) {
      TakenBack t = content.takenBack().get(i);
      back.add(new Object[] {id, version, i, t.name().strip(), t.reason().strip()});
    }
    jdbc.batchUpdate("insert into app_catalogue_taken_back (catalogue_id, version, position, name, reason) values (?,?,?,?,?)", back);
  }

  /** A stored version without its items. */
  record Version(int version, String title, int itemCount, String submittedBy, Instant submittedAt) {}

  List<Version> versions(String id) {
    return jdbc.query("select * from app_catalogue_version where catalogue_id = ? order by version",
        (rs, i) -> new Version(rs.getInt("version"), rs.getString("title"), rs.getInt("item_count"), rs.getString("submitted_by"),
            rs.getTimestamp("submitted_at").toInstant()), id);
  }

  List<Item> items(String id, int version) {
    return jdbc.query("select * from app_catalogue_item where catalogue_id = ? and version = ? order by position",
        (rs, i) -> item(rs), id, version);
  }

  List<TakenBack> takenBack(String id, int version) {
    return jdbc.query("select name, reason from app_catalogue_taken_back where catalogue_id = ? and version = ? order by position",
        (rs, i) -> new TakenBack(rs.getString(1), rs.getString(2)), id, version);
  }

  String versionTitle(String id, int version) {
    return jdbc.queryForObject("select title from app_catalogue_version where catalogue_id = ? and version = ?", String.class,
        id, version);
  }

  // --- findings --------------------------------------------------------------------------------------------------

  void replaceFindings(String id, int version, List<Finding> list) {
    findings.replace(id, version, list);
  }

  List<Finding> findings(String id, int version) {
    return findings.of(id, version);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  static Item item(ResultSet rs) throws SQLException {
    String law = rs.getString("law");
    String article = rs.getString("article");
    return new Item(rs.getString("name"), PowerKind.valueOf(rs.getString("power_kind")), Mode.valueOf(rs.getString("power_mode")),
        rs.getString("department"), law == null && article == null ? null : new LegalBasis(law, article),
        rs.getString("guidance_entry"), rs.getString("reason"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }

  private static Catalogue map(ResultSet rs, int i) throws SQLException {
    java.sql.Date deadline = rs.getDate("deadline");
    Timestamp published = rs.getTimestamp("published_at");
    return new Catalogue(rs.getString("id"), rs.getString("title"), rs.getString("township_code"), rs.getString("township_name"),
        TownshipType.valueOf(rs.getString("township_type")), rs.getString("region_name"), rs.getString("county_code"),
        rs.getString("city_code"), rs.getString("province_code"), CatalogueStatus.valueOf(rs.getString("status")),
        rs.getInt("current_version"), rs.getInt("edition"), rs.getString("revises_id"), rs.getString("process_instance_id"),
        deadline == null ? null : deadline.toLocalDate(), rs.getString("approval_number"),
        published == null ? null : published.toInstant(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
