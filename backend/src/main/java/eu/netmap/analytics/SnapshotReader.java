package eu.netmap.analytics;

import eu.netmap.importer.GraphModel;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the graph into analytics: every node and relationship, in one read
 * transaction so the snapshot is consistent, streamed from the driver.
 */
@Component
class SnapshotReader {

  private static final String NODES =
      """
      MATCH (n)
      RETURN coalesce(n.id, elementId(n)) AS id,
             coalesce([l IN labels(n) WHERE l IN $labels][0], labels(n)[0]) AS label,
             coalesce(n.name, n.title) AS name, n.nameEn AS nameEn, n.period AS period,
             n.sources IS NOT NULL AND size(n.sources) > 0 AS sourced,
             coalesce(n.declaredMembers, n.declaredPartners) AS declared
      """;

  private static final String RELATIONSHIPS =
      """
      MATCH (a)-[r]->(b)
      RETURN coalesce(a.id, elementId(a)) AS a, type(r) AS type, coalesce(b.id, elementId(b)) AS b,
             r.sources IS NOT NULL AND size(r.sources) > 0 AS sourced
      """;

  private final Driver driver;

  SnapshotReader(Driver driver) {
    this.driver = driver;
  }

  /** Reads the whole graph and builds the views; {@code version} is the data version read at. */
  Snapshot read(long version) {
    List<Snapshot.RawNode> nodes = new ArrayList<>();
    List<Snapshot.Fact> facts = new ArrayList<>();
    try (Session session = driver.session()) {
      session.executeRead(
          tx -> {
            Result result = tx.run(NODES, java.util.Map.of("labels", GraphModel.LABELS));
            while (result.hasNext()) {
              Record r = result.next();
              nodes.add(
                  new Snapshot.RawNode(
                      r.get(0).asString(),
                      r.get(1).asString(null),
                      text(r.get(2)),
                      text(r.get(3)),
                      text(r.get(4)),
                      r.get(5).asBoolean(false),
                      count(r.get(6))));
            }
            result = tx.run(RELATIONSHIPS);
            while (result.hasNext()) {
              Record r = result.next();
              facts.add(
                  new Snapshot.Fact(
                      r.get(0).asString(),
                      r.get(1).asString(),
                      r.get(2).asString(),
                      r.get(3).asBoolean(false)));
            }
            return null;
          });
    }
    return new Snapshot(version, nodes, facts);
  }

  private static String text(Value value) {
    if (value == null || value.isNull()) {
      return null;
    }
    Object object = value.asObject();
    return object instanceof String s ? s : String.valueOf(object);
  }

  private static Long count(Value value) {
    if (value == null || value.isNull()) {
      return null;
    }
    Object object = value.asObject();
    if (object instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(object).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
