package eu.netmap.analytics;

import eu.netmap.importer.GraphModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the graph into analytics: every node and relationship, in one read
 * transaction so the snapshot is consistent.
 */
@Component
class SnapshotReader {

  /**
   * Rows come grouped into a few random buckets of lists: the driver's cost is mostly per record,
   * so one record per relationship is several times slower than a few large records.
   */
  private static final int BUCKETS = 64;

  private static final String NODES =
      """
      MATCH (n) WHERE NOT n:NetmapStaged
      WITH toInteger(rand() * $buckets) AS bucket,
           [coalesce(n.id, elementId(n)),
            coalesce([l IN labels(n) WHERE l IN $labels][0], labels(n)[0]),
            coalesce(n.name, n.title), n.nameEn, n.period,
            n.sources IS NOT NULL AND size(n.sources) > 0,
            coalesce(n.declaredMembers, n.declaredPartners)] AS row
      RETURN bucket, collect(row) AS rows
      """;

  private static final String RELATIONSHIPS =
      """
      MATCH (a)-[r]->(b) WHERE NOT a:NetmapStaged AND NOT b:NetmapStaged
      WITH toInteger(rand() * $buckets) AS bucket, coalesce(a.id, elementId(a)) AS a,
           type(r) AS type, coalesce(b.id, elementId(b)) AS b,
           r.sources IS NOT NULL AND size(r.sources) > 0 AS sourced
      RETURN bucket, collect(a) AS starts, collect(type) AS types, collect(b) AS ends,
             collect(sourced) AS sourced
      """;

  private static final Logger log = LoggerFactory.getLogger(SnapshotReader.class);

  private final Driver driver;

  SnapshotReader(Driver driver) {
    this.driver = driver;
  }

  /** Reads the whole graph and builds the views; {@code version} is the data version read at. */
  Snapshot read(long version) {
    long start = System.nanoTime();
    List<Snapshot.RawNode> nodes = new ArrayList<>();
    List<Snapshot.Fact> facts = new ArrayList<>();
    try (Session session = driver.session()) {
      session.executeRead(
          tx -> {
            Result result = tx.run(NODES, Map.of("labels", GraphModel.LABELS, "buckets", BUCKETS));
            while (result.hasNext()) {
              // collect() drops nulls, so each node comes as one list of its columns
              for (Value row : result.next().get("rows").values()) {
                nodes.add(
                    new Snapshot.RawNode(
                        row.get(0).asString(),
                        row.get(1).asString(null),
                        text(row.get(2)),
                        text(row.get(3)),
                        text(row.get(4)),
                        row.get(5).asBoolean(false),
                        count(row.get(6))));
              }
            }
            result = tx.run(RELATIONSHIPS, Map.of("buckets", BUCKETS));
            while (result.hasNext()) {
              Record r = result.next();
              List<String> starts = r.get("starts").asList(Value::asString);
              List<String> types = r.get("types").asList(Value::asString);
              List<String> ends = r.get("ends").asList(Value::asString);
              List<Boolean> sourced = r.get("sourced").asList(Value::asBoolean);
              for (int i = 0; i < starts.size(); i++) {
                facts.add(
                    new Snapshot.Fact(starts.get(i), types.get(i), ends.get(i), sourced.get(i)));
              }
            }
            return null;
          });
    }
    long read = System.nanoTime();
    Snapshot snapshot = new Snapshot(version, nodes, facts);
    log.info(
        "Analytics snapshot of data version {}: {} nodes, {} relationships; read {} ms, views {} ms",
        version,
        nodes.size(),
        facts.size(),
        (read - start) / 1_000_000,
        (System.nanoTime() - read) / 1_000_000);
    return snapshot;
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
