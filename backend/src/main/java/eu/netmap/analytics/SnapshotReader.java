package eu.netmap.analytics;

import eu.netmap.graph.GraphMapping;
import eu.netmap.importer.GraphModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the graph into analytics: every node and relationship, in one read
 * transaction so the snapshot is consistent. On the embedded database it walks the store through
 * Neo4j's Java API, which skips Cypher and Bolt and is several times faster on large graphs; on an
 * external server it reads through the driver with the same result.
 */
@Component
class SnapshotReader {

  /**
   * Rows come grouped into a few random buckets of lists: the driver's cost is mostly per record,
   * so one record per relationship is several times slower than a few large records.
   */
  private static final int BUCKETS = 64;

  private static final String NODES =
      "MATCH (n:"
          + GraphMapping.MODEL_LABELS
          + """
          )
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
      MATCH (a)-[r]->(b)
      WITH toInteger(rand() * $buckets) AS bucket, coalesce(a.id, elementId(a)) AS a,
           type(r) AS type, coalesce(b.id, elementId(b)) AS b,
           r.sources IS NOT NULL AND size(r.sources) > 0 AS sourced
      RETURN bucket, collect(a) AS starts, collect(type) AS types, collect(b) AS ends,
             collect(sourced) AS sourced
      """;

  private static final Logger log = LoggerFactory.getLogger(SnapshotReader.class);

  private final Driver driver;
  private final ObjectProvider<DatabaseManagementService> embedded;

  private final double viewHeapShare;

  SnapshotReader(
      Driver driver,
      ObjectProvider<DatabaseManagementService> embedded,
      @org.springframework.beans.factory.annotation.Value("${netmap.analytics.view-heap-share:0.5}")
          double viewHeapShare) {
    this.driver = driver;
    this.embedded = embedded;
    if (!(viewHeapShare > 0 && viewHeapShare <= 1)) {
      throw new IllegalArgumentException(
          "netmap.analytics.view-heap-share must be above 0 and at most 1, not " + viewHeapShare);
    }
    this.viewHeapShare = viewHeapShare;
  }

  /** Reads the whole graph and builds the views; {@code version} is the data version read at. */
  Snapshot read(long version) {
    long start = System.nanoTime();
    List<Snapshot.RawNode> nodes = new ArrayList<>();
    List<Snapshot.Fact> facts = new ArrayList<>();
    readRaw(embedded.getIfAvailable() != null, nodes, facts);
    long read = System.nanoTime();
    Progress.stage("building the views", 0);
    Snapshot snapshot =
        new Snapshot(
            version, nodes, facts, (long) (Runtime.getRuntime().maxMemory() * viewHeapShare));
    log.info(
        "Analytics snapshot of data version {}: {} nodes, {} relationships; read {} ms, views {} ms",
        version,
        nodes.size(),
        facts.size(),
        (read - start) / 1_000_000,
        (System.nanoTime() - read) / 1_000_000);
    return snapshot;
  }

  /**
   * Reads every node and relationship into the lists, through the embedded database's Java API when
   * {@code direct} and there is one, else through the driver; both give the same rows.
   */
  void readRaw(boolean direct, List<Snapshot.RawNode> nodes, List<Snapshot.Fact> facts) {
    DatabaseManagementService service = direct ? embedded.getIfAvailable() : null;
    if (service != null) {
      readEmbedded(service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), nodes, facts);
    } else {
      readThroughDriver(nodes, facts);
    }
  }

  /**
   * Reads through the Java API of the embedded database: the same columns as {@link #NODES} and
   * {@link #RELATIONSHIPS}, relationship ends resolved through a map of internal node ids.
   */
  @SuppressWarnings("deprecation") // internal ids are stable within the one transaction used here
  private static void readEmbedded(
      GraphDatabaseService db, List<Snapshot.RawNode> nodes, List<Snapshot.Fact> facts) {
    try (Transaction tx = db.beginTx()) {
      Map<Long, String> ids = new java.util.HashMap<>();
      // counts come from the count store: instant
      long nodeCount = (Long) tx.execute("MATCH (n) RETURN count(n) AS c").next().get("c");
      long relationshipCount =
          (Long) tx.execute("MATCH ()-[r]->() RETURN count(r) AS c").next().get("c");
      Progress.stage("reading nodes", nodeCount);
      for (Node n : tx.getAllNodes()) {
        if ((ids.size() & 4095) == 0) {
          Progress.step(ids.size());
        }
        String label = GraphMapping.modelLabel(n);
        if (label == null) {
          continue;
        }
        Map<String, Object> p =
            n.getProperties(
                "id",
                "name",
                "title",
                "nameEn",
                "period",
                "sources",
                "declaredMembers",
                "declaredPartners");
        Object idValue = p.get("id");
        String id = idValue != null ? String.valueOf(idValue) : n.getElementId();
        ids.put(n.getId(), id);
        nodes.add(
            new Snapshot.RawNode(
                id,
                label,
                text(p.containsKey("name") ? p.get("name") : p.get("title")),
                text(p.get("nameEn")),
                text(p.get("period")),
                nonEmpty(p.get("sources")),
                count(
                    p.containsKey("declaredMembers")
                        ? p.get("declaredMembers")
                        : p.get("declaredPartners"))));
      }
      Progress.stage("reading relationships", relationshipCount);
      for (Relationship r : tx.getAllRelationships()) {
        if ((facts.size() & 4095) == 0) {
          Progress.step(facts.size());
        }
        String start = ids.get(r.getStartNodeId());
        String end = ids.get(r.getEndNodeId());
        if (start != null && end != null) {
          facts.add(
              new Snapshot.Fact(
                  start, r.getType().name(), end, nonEmpty(r.getProperty("sources", null))));
        }
      }
      tx.commit();
    }
  }

  private void readThroughDriver(List<Snapshot.RawNode> nodes, List<Snapshot.Fact> facts) {
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
  }

  private static boolean nonEmpty(Object sources) {
    if (sources == null) {
      return false;
    }
    if (sources.getClass().isArray()) {
      return java.lang.reflect.Array.getLength(sources) > 0;
    }
    return !(sources instanceof String s) || !s.isEmpty();
  }

  private static String text(Object object) {
    return object == null ? null : object instanceof String s ? s : String.valueOf(object);
  }

  private static Long count(Object object) {
    if (object == null) {
      return null;
    }
    if (object instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(object).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Value value) {
    return value == null || value.isNull() ? null : text(value.asObject());
  }

  private static Long count(Value value) {
    return value == null || value.isNull() ? null : count(value.asObject());
  }
}
