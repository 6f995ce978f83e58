package eu.netmap.importer;

import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The staging area that makes a large import all-or-nothing without one huge transaction.
 *
 * <p>New nodes are written in many small transactions but without their model label: they carry
 * {@value GraphModel#STAGED} and {@code NetmapStaged<Label>} instead, so every query that matches a
 * model label (and netmap's own readers, which leave {@value GraphModel#STAGED} out) does not see
 * them; their relationships hang off them. One last transaction, the swap, gives the staged nodes
 * their labels (about 80 bytes of transaction state per node) together with the changes to facts
 * already stored. A failure, or a process killed before the swap commits, leaves only staged nodes,
 * which the next import (or the app's next start) deletes.
 *
 * <p>Only one import stages at a time. The importer holds a lock for its whole run: an uncommitted
 * {@code NetmapImportLock} node under a uniqueness constraint, created in a transaction that stays
 * open and is rolled back at the end. A second import waits for it. If the process dies, its
 * connection drops, the server rolls the transaction back and the lock is free again; whoever takes
 * it next knows that any staged node left is garbage.
 */
public final class Staging implements AutoCloseable {

  /** Config of every session an import opens: its queries use {@code id()} on purpose. */
  static final SessionConfig SESSION =
      SessionConfig.builder()
          .withDisabledNotificationClassifications(Set.of(NotificationClassification.DEPRECATION))
          .build();

  private static final String LOCK_LABEL = "NetmapImportLock";
  private static final String LOCK_CONSTRAINT = "netmap_import_lock";
  private static final int DELETE_BATCH = 5_000;

  private final Driver driver;
  private final Session guardSession;
  private final Transaction guard;
  private final String importId;

  private Staging(Driver driver, Session guardSession, Transaction guard, String importId) {
    this.driver = driver;
    this.guardSession = guardSession;
    this.guard = guard;
    this.importId = importId;
  }

  /** The label a node of this model label carries while staged. */
  static String stagedLabel(String label) {
    return GraphModel.STAGED + label;
  }

  /**
   * Takes the import lock, waiting while another import holds it, then deletes whatever a failed or
   * killed import left staged.
   */
  public static Staging begin(Driver driver) {
    ensureLockConstraint(driver);
    String importId = UUID.randomUUID().toString();
    Session session = driver.session(SESSION);
    Transaction guard = null;
    try {
      guard = session.beginTransaction();
      guard
          .run(
              "CREATE (:" + LOCK_LABEL + " {id: 'import', importId: $id, since: datetime()})",
              Values.parameters("id", importId))
          .consume();
      Staging staging = new Staging(driver, session, guard, importId);
      cleanUp(driver);
      return staging;
    } catch (RuntimeException e) {
      if (guard != null) {
        try {
          guard.close();
        } catch (RuntimeException ignored) {
          // the transaction is gone with the failure
        }
      }
      session.close();
      throw e;
    }
  }

  /**
   * Deletes what failed or killed imports left staged, once no import is running: call at start-up
   * (it waits for a running import to end).
   */
  public static void recover(Driver driver) {
    try (Staging staging = begin(driver)) {
      // begin cleaned up
    }
  }

  /** Deletes every staged node and its relationships, in small transactions. */
  static long cleanUp(Driver driver) {
    long deleted = 0;
    try (Session session = driver.session(SESSION)) {
      while (true) {
        long n =
            session.executeWrite(
                tx ->
                    tx.run(
                            "MATCH (n:"
                                + GraphModel.STAGED
                                + ") WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n",
                            Values.parameters("batch", DELETE_BATCH))
                        .single()
                        .get("n")
                        .asLong());
        deleted += n;
        if (n < DELETE_BATCH) {
          return deleted;
        }
      }
    }
  }

  /** Deletes this import's staged nodes (the import failed). */
  void discard() {
    cleanUp(driver);
  }

  /** The id of this import, for messages. */
  String importId() {
    return importId;
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      guard.rollback();
    } catch (Neo4jException | IllegalStateException ignored) {
      // the server has ended the transaction already: the lock is free either way
    } finally {
      guardSession.close();
    }
  }

  private static void ensureLockConstraint(Driver driver) {
    try (Session session = driver.session()) {
      boolean exists =
          session
              .run(
                  "SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN count(*) > 0 AS found",
                  Values.parameters("name", LOCK_CONSTRAINT))
              .single()
              .get("found")
              .asBoolean();
      if (!exists) {
        session
            .run(
                "CREATE CONSTRAINT "
                    + LOCK_CONSTRAINT
                    + " IF NOT EXISTS FOR (n:"
                    + LOCK_LABEL
                    + ") REQUIRE n.id IS UNIQUE")
            .consume();
      }
    } catch (org.neo4j.driver.exceptions.ClientException e) {
      // created meanwhile by a concurrent import: fine
      if (!String.valueOf(e.getMessage()).contains("already exists")) {
        throw e;
      }
    }
  }
}
