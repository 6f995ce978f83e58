package eu.netmap.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.Neo4jException;

/** A Neo4j reached over Bolt: statements run in the driver's managed transactions. */
final class BoltDatabase implements ImportDatabase {

  private final Driver driver;

  BoltDatabase(Driver driver) {
    this.driver = driver;
  }

  Driver driver() {
    return driver;
  }

  @Override
  public boolean inProcess() {
    return false;
  }

  @Override
  public List<Map<String, Object>> read(String query, Map<String, Object> parameters) {
    try (Session session = driver.session(Staging.SESSION)) {
      return session.executeRead(tx -> rows(tx.run(query, parameters).list()));
    }
  }

  @Override
  public List<Map<String, Object>> write(String query, Map<String, Object> parameters) {
    try (Session session = driver.session(Staging.SESSION)) {
      return session.executeWrite(tx -> rows(tx.run(query, parameters).list()));
    }
  }

  @Override
  public Tx begin() {
    Session session = driver.session(Staging.SESSION);
    Transaction tx;
    try {
      tx = session.beginTransaction();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return new Tx() {
      @Override
      public List<Map<String, Object>> run(String query, Map<String, Object> parameters) {
        return rows(tx.run(query, parameters).list());
      }

      @Override
      public void commit() {
        tx.commit();
      }

      @Override
      public void close() {
        try {
          tx.close();
        } catch (Neo4jException | IllegalStateException ignored) {
          // the server has ended the transaction already
        } finally {
          session.close();
        }
      }
    };
  }

  static List<Map<String, Object>> rows(List<Record> records) {
    List<Map<String, Object>> rows = new ArrayList<>(records.size());
    for (Record record : records) {
      rows.add(record.asMap());
    }
    return rows;
  }
}
