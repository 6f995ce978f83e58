package eu.netmap.importer;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The database an import checks and writes: a Neo4j reached over Bolt through the Java driver (the
 * CLI against a running app, an external server), or an embedded Neo4j in this very process (the
 * app's own import, the CLI's {@code --store}), written through Neo4j's Java API. Both run the same
 * checks, the same staging and the same swap; only how rows reach the store differs.
 *
 * <p>Everything but the bulk of the writing goes through Cypher statements with plain Java values
 * (String, Long, Double, Boolean, List, Map) as parameters and in the rows returned.
 */
public sealed interface ImportDatabase permits BoltDatabase, EmbeddedDatabase {

  /** A Neo4j reached through the Java driver. */
  static ImportDatabase of(Driver driver) {
    return new BoltDatabase(driver);
  }

  /** A Neo4j database embedded in this process (its default database, usually). */
  static ImportDatabase of(GraphDatabaseService database) {
    return new EmbeddedDatabase(database);
  }

  /** True for a database embedded in this process, written through Neo4j's Java API. */
  boolean inProcess();

  /** Runs a read-only statement in a transaction of its own and returns its rows. */
  List<Map<String, Object>> read(String query, Map<String, Object> parameters);

  /** Runs a statement in a write transaction of its own and returns its rows. */
  List<Map<String, Object>> write(String query, Map<String, Object> parameters);

  /** Begins a transaction, to be committed or (by closing it) rolled back. */
  Tx begin();

  /** An explicit transaction. */
  interface Tx extends AutoCloseable {

    /** Runs a statement in this transaction and returns its rows. */
    List<Map<String, Object>> run(String query, Map<String, Object> parameters);

    /** Commits. */
    void commit();

    /** Rolls back unless committed; never throws for a transaction already gone. */
    @Override
    void close();
  }
}
