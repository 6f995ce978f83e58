package eu.netmap.importer;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.SessionConfig;

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
 * connection drops, the server rolls the transaction back and the lock is free again (embedded, the
 * database dies with the process and the transaction with it); whoever takes it next knows that any
 * staged node left is garbage. The same lock works over Bolt and embedded.
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

  private final ImportDatabase database;
  private final ImportDatabase.Tx guard;
  private final String importId;

  private Staging(ImportDatabase database, ImportDatabase.Tx guard, String importId) {
    this.database = database;
    this.guard = guard;
    this.importId = importId;
  }

  /** The label a node of this model label carries while staged. */
  static String stagedLabel(String label) {
    return GraphModel.STAGED + label;
  }

  /** {@link #begin(ImportDatabase)} over Bolt. */
  public static Staging begin(Driver driver) {
    return begin(ImportDatabase.of(driver));
  }

  /**
   * Takes the import lock, waiting while another import holds it, then deletes whatever a failed or
   * killed import left staged.
   */
  public static Staging begin(ImportDatabase database) {
    ensureLockConstraint(database);
    String importId = UUID.randomUUID().toString();
    ImportDatabase.Tx guard = database.begin();
    try {
      guard.run(
          "CREATE (:" + LOCK_LABEL + " {id: 'import', importId: $id, since: datetime()})",
          Map.of("id", importId));
      Staging staging = new Staging(database, guard, importId);
      cleanUp(database);
      return staging;
    } catch (RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  /** {@link #recover(ImportDatabase)} over Bolt. */
  public static void recover(Driver driver) {
    recover(ImportDatabase.of(driver));
  }

  /**
   * Deletes what failed or killed imports left staged, once no import is running: call at start-up
   * (it waits for a running import to end).
   */
  public static void recover(ImportDatabase database) {
    try (Staging staging = begin(database)) {
      // begin cleaned up
    }
  }

  /** Deletes every staged node and its relationships, in small transactions. */
  static long cleanUp(ImportDatabase database) {
    long deleted = 0;
    while (true) {
      long n =
          ((Number)
                  database
                      .write(
                          "MATCH (n:"
                              + GraphModel.STAGED
                              + ") WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n",
                          Map.of("batch", DELETE_BATCH))
                      .get(0)
                      .get("n"))
              .longValue();
      deleted += n;
      if (n < DELETE_BATCH) {
        return deleted;
      }
    }
  }

  /** Deletes this import's staged nodes (the import failed). */
  void discard() {
    cleanUp(database);
  }

  /** The id of this import, for messages. */
  String importId() {
    return importId;
  }

  /** Releases the lock. */
  @Override
  public void close() {
    guard.close();
  }

  private static void ensureLockConstraint(ImportDatabase database) {
    boolean exists =
        (Boolean)
            database
                .read(
                    "SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN count(*) > 0 AS found",
                    Map.of("name", LOCK_CONSTRAINT))
                .get(0)
                .get("found");
    if (!exists) {
      try {
        database.write(
            "CREATE CONSTRAINT "
                + LOCK_CONSTRAINT
                + " IF NOT EXISTS FOR (n:"
                + LOCK_LABEL
                + ") REQUIRE n.id IS UNIQUE",
            Map.of());
      } catch (RuntimeException e) {
        // created meanwhile by a concurrent import: fine
        if (!String.valueOf(e.getMessage()).contains("already exists")) {
          throw e;
        }
      }
    }
  }
}
