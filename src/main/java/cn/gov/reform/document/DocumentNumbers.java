package cn.gov.reform.document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Number sequences per key and year (table {@code app_number_sequence}) for whatever a procedure or the kernel numbers:
 * 发文字号 per issuing body, 备案编号 per province. The next number is taken by incrementing the sequence's row in the
 * caller's transaction: the row stays locked until that transaction ends, so concurrent decisions wait for each other
 * and a decision that fails gives its number back (numbers are gapless and never repeat). Only the row's first
 * insertion runs in a transaction of its own, so two first numbers of a year cannot both create it.
 */
@Repository
public class DocumentNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public DocumentNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number of the sequence {@code key} for {@code year}, starting at 1; call inside a transaction. */
  public int next(String key, int year) {
    if (jdbc.queryForObject("select count(*) from app_number_sequence where sequence_key = ? and seq_year = ?",
        Integer.class, key, year) == 0) {
      newTransaction.executeWithoutResult(status -> {
        try {
          jdbc.update("insert into app_number_sequence (sequence_key, seq_year, last_number) values (?,?,0)", key, year);
        } catch (DuplicateKeyException createdElsewhere) {
          status.setRollbackOnly();
        }
      });
    }
    jdbc.update("update app_number_sequence set last_number = last_number + 1 where sequence_key = ? and seq_year = ?",
        key, year);
    Integer n = jdbc.queryForObject("select last_number from app_number_sequence where sequence_key = ? and seq_year = ?",
        Integer.class, key, year);
    return n == null ? 1 : n;
  }
}
