package eu.netmap.importer.cli;

import eu.netmap.importer.GraphModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The data directory of a stopped netmap (its {@code netmap.data-dir}), opened in this process with
 * the settings the app uses (its Neo4j home, the default database, at most half the heap per
 * transaction; no Bolt connector: nothing else needs to reach it), and the app's uniqueness
 * constraints, so that an import can write into it through Neo4j's Java API: offline bulk loading.
 */
final class LocalStore implements AutoCloseable {

  /** The store is in use: a running netmap (or Neo4j) holds its lock. */
  static final class LockedException extends Exception {
    LockedException(Path dir, Throwable cause) {
      super(
          "the store in "
              + dir.toAbsolutePath()
              + " is in use by a running netmap or Neo4j; stop it first, or import through it"
              + " with --uri",
          cause);
    }
  }

  private final DatabaseManagementService service;
  private final GraphDatabaseService database;

  private LocalStore(DatabaseManagementService service) {
    this.service = service;
    this.database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  /**
   * Opens (or creates) the store in the directory.
   *
   * @throws LockedException when another process has it open
   */
  static LocalStore open(Path dir) throws LockedException {
    DatabaseManagementService service;
    try {
      Files.createDirectories(dir);
      service =
          new DatabaseManagementServiceBuilder(dir)
              // no usage report to Neo4j's servers: netmap makes no calls beyond this machine
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              .setConfig(BoltConnector.enabled, false)
              .setConfig(
                  GraphDatabaseSettings.memory_transaction_max_size,
                  Runtime.getRuntime().maxMemory() / 2)
              .build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getClass().getSimpleName().equals("FileLockException")) {
          throw new LockedException(dir, e);
        }
      }
      throw e;
    }
    LocalStore store = new LocalStore(service);
    try {
      store.createSchema();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  GraphDatabaseService database() {
    return database;
  }

  /** The app's uniqueness constraints (same names), as it creates them at start-up. */
  private void createSchema() {
    for (String label : GraphModel.LABELS) {
      database.executeTransactionally(
          "CREATE CONSTRAINT `%s_id` IF NOT EXISTS FOR (n:`%s`) REQUIRE n.id IS UNIQUE"
              .formatted(label.toLowerCase(Locale.ROOT), label));
    }
    database.executeTransactionally("CALL db.awaitIndexes(300)");
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
