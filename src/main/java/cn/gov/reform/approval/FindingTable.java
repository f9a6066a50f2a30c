package cn.gov.reform.approval;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A procedure's table of the findings of each version of its items ({@link Finding}), written whole per version: the
 * procedure names its table and the column of its item's id; the table has the columns {@code version},
 * {@code position}, {@code rule_id}, {@code severity}, {@code township}, {@code message}, {@code source},
 * {@code actual_value} and {@code limit_value} (see V1__plans.sql).
 */
public final class FindingTable {

  private final JdbcTemplate jdbc;
  private final String insert;
  private final String delete;
  private final String select;

  public FindingTable(JdbcTemplate jdbc, String table, String idColumn) {
    this.jdbc = jdbc;
    this.delete = "delete from " + table + " where " + idColumn + " = ? and version = ?";
    this.insert = "insert into " + table + " (" + idColumn + ", version, position, rule_id, severity, township, message, source,"
        + " actual_value, limit_value) values (?,?,?,?,?,?,?,?,?,?)";
    this.select = "select * from " + table + " where " + idColumn + " = ? and version = ? order by position";
  }

  /** The findings of the item's version, replacing any stored before for it. */
  public void replace(String itemId, int version, List<Finding> findings) {
    jdbc.update(delete, itemId, version);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      rows.add(new Object[] {itemId, version, i, f.rule(), f.severity().name(), f.township(), f.message(), f.source(),
          f.actual() == null ? null : String.valueOf(f.actual()), f.limit()});
    }
    jdbc.batchUpdate(insert, rows);
  }

  /** The findings of the item's version, in the order they were stored. */
  public List<Finding> of(String itemId, int version) {
    return jdbc.query(select, (rs, i) -> new Finding(rs.getString("rule_id"), Finding.Severity.valueOf(rs.getString("severity")),
        rs.getString("township"), rs.getString("message"), rs.getString("source"),
        Finding.parseActual(rs.getString("actual_value")), rs.getString("limit_value")), itemId, version);
  }
}
