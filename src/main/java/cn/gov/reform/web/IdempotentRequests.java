package cn.gov.reform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creation with an {@code Idempotency-Key} header, for every procedure's {@code POST}: the same key again (same
 * caller, same request) answers as the first request did and creates nothing; the same key for another request
 * is a conflict. Keys live in {@code app_idempotency_key}.
 *
 * <p>The key is claimed first, inside the creating transaction, by inserting its row (the key is the primary
 * key): a concurrent request with the same key waits on that row and then finds it (and answers as the first
 * did) or, if the first failed and rolled back, claims it itself. A wait that outlasts the database's lock
 * timeout is simply tried again, up to {@link #PATIENCE}; a crash leaves no claim behind, because an
 * uncommitted row is no claim.
 */
@Component
public class IdempotentRequests {

  /** How long a request waits for a concurrent one with the same key before it is told to retry. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The id of the created item, and whether this answer repeats an earlier request's. */
  public record Outcome(String id, boolean replayed) {}

  /**
   * Creates an item of {@code subjectType} with a new id ({@code create} stores it and starts its process), in one
   * transaction, once per {@code key} (null: no key, always create). {@code request} is the request as sent, in a
   * canonical text form (its JSON), to tell a repeat from another request under the same key.
   */
  public Outcome create(String subjectType, String key, String caller, String request, Consumer<String> create) {
    if (key == null) {
      return transaction.execute(status -> createOnce(subjectType, null, caller, request, create));
    }
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (true) {
      try {
        return transaction.execute(status -> createOnce(subjectType, key, caller, request, create));
      } catch (DuplicateKeyException | TransientDataAccessException sameKeyInFlight) {
        // another request holds or has just stored this key; its answer is read on the next attempt
        if (Instant.now().isAfter(giveUp)) {
          throw ApiException.conflict("使用 Idempotency-Key “" + key + "” 的另一请求仍在处理中，请稍后重试");
        }
        pause();
      }
    }
  }

  private record Claim(String subjectType, String caller, String requestHash, String itemId) {}

  private Outcome createOnce(String subjectType, String key, String caller, String request, Consumer<String> create) {
    String hash = sha256(request);
    if (key != null) {
      Optional<Claim> earlier = jdbc.query(
          "select subject_type, caller, request_hash, item_id from app_idempotency_key where idem_key = ?",
          (rs, i) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), key).stream().findFirst();
      if (earlier.isPresent()) {
        Claim claim = earlier.get();
        if (!claim.subjectType().equals(subjectType) || !claim.caller().equals(caller) || !claim.requestHash().equals(hash)) {
          throw ApiException.conflict("Idempotency-Key “" + key + "” 已用于另一个请求，不能用于不同的内容");
        }
        return new Outcome(claim.itemId(), true);
      }
    }
    String id = UUID.randomUUID().toString();
    if (key != null) {
      jdbc.update("""
          insert into app_idempotency_key (idem_key, subject_type, caller, request_hash, item_id, created_at)
          values (?,?,?,?,?,?)""", key, subjectType, caller, hash, id, Timestamp.from(Instant.now()));
    }
    create.accept(id);
    return new Outcome(id, false);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.conflict("请求被中断，请重试");
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
