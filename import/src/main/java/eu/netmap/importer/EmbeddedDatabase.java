package eu.netmap.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * A Neo4j database embedded in this process: statements run through {@code Transaction.execute},
 * and the staging writes through the Java API ({@link EmbeddedStager}), without Cypher or Bolt.
 */
final class EmbeddedDatabase implements ImportDatabase {

  private final GraphDatabaseService database;

  EmbeddedDatabase(GraphDatabaseService database) {
    this.database = database;
  }

  GraphDatabaseService database() {
    return database;
  }

  @Override
  public boolean inProcess() {
    return true;
  }

  @Override
  public List<Map<String, Object>> read(String query, Map<String, Object> parameters) {
    try (Transaction tx = database.beginTx()) {
      List<Map<String, Object>> rows = rows(tx.execute(query, parameters));
      tx.commit();
      return rows;
    }
  }

  @Override
  public List<Map<String, Object>> write(String query, Map<String, Object> parameters) {
    return read(query, parameters);
  }

  @Override
  public EmbeddedTx begin() {
    return new EmbeddedTx(database.beginTx());
  }

  /** A transaction of the embedded database, whose Java API the swap uses too. */
  static final class EmbeddedTx implements Tx {

    private final Transaction tx;

    EmbeddedTx(Transaction tx) {
      this.tx = tx;
    }

    Transaction transaction() {
      return tx;
    }

    @Override
    public List<Map<String, Object>> run(String query, Map<String, Object> parameters) {
      return rows(tx.execute(query, parameters));
    }

    @Override
    public void commit() {
      tx.commit();
    }

    @Override
    public void close() {
      try {
        tx.close();
      } catch (RuntimeException ignored) {
        // already ended (terminated, or the database is shutting down)
      }
    }
  }

  private static List<Map<String, Object>> rows(Result result) {
    try (result) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.hasNext()) {
        rows.add(result.next());
      }
      return rows;
    }
  }
}
