package eu.netmap.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;

/**
 * Stores a validated {@link GraphBatch} in Neo4j with batched {@code UNWIND … MERGE}, all in one
 * transaction: a batch is stored whole or not at all, and storing it twice changes nothing.
 *
 * <p>Nodes are merged on their label and id (backed by the uniqueness constraints), their
 * properties added to what is stored; relationships are merged on (from, type, to).
 */
public final class Neo4jWriter {

  /** Rows sent in one UNWIND statement. */
  public static final int BATCH_SIZE_DEFAULT = 5_000;

  private final Driver driver;
  private final int batchSize;

  public Neo4jWriter(Driver driver) {
    this(driver, BATCH_SIZE_DEFAULT);
  }

  public Neo4jWriter(Driver driver, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    this.driver = driver;
    this.batchSize = batchSize;
  }

  /** Validates the batch against the model and the database, then stores it. */
  public WriteSummary validateAndWrite(GraphBatch batch, boolean requireSources) {
    new BatchValidator().validate(batch, this::existingLabels, requireSources);
    return write(batch, n -> {});
  }

  /**
   * Stores an already validated batch in one transaction.
   *
   * @param progress told how many rows (nodes + relationships) have been sent so far
   */
  public WriteSummary write(GraphBatch batch, LongConsumer progress) {
    return write(batch, progress, false);
  }

  /**
   * Stores an already validated batch in one transaction, or with {@code dryRun} runs the same
   * statements and rolls them back: the summary then tells exactly what storing would change.
   *
   * <p>{@code sources} lists are merged with what is stored, never replaced: a fact keeps every
   * source that ever supported it.
   *
   * @param progress told how many rows (nodes + relationships) have been sent so far
   */
  public WriteSummary write(GraphBatch batch, LongConsumer progress, boolean dryRun) {
    long start = System.nanoTime();
    Map<String, NodeRecord> byId = batch.nodesById();
    try (Session session = driver.session();
        Transaction tx = session.beginTransaction()) {
      Map<String, String> missing =
          existingLabels(
              batch.relationships().stream()
                  .flatMap(r -> java.util.stream.Stream.of(r.from(), r.to()))
                  .filter(id -> !byId.containsKey(id))
                  .collect(java.util.stream.Collectors.toSet()),
              tx);
      long[] counts = new long[6];
      long sent = 0;
      // Nodes not yet stored are created outright, and relationships touching one of them cannot
      // exist yet, so they are created too: only facts about stored nodes pay for MERGE and the
      // comparison that tells updated from unchanged.
      Set<String> created = new HashSet<>();
      Map<String, List<NodeRecord>> nodesByLabel = new LinkedHashMap<>();
      for (NodeRecord node : byId.values()) {
        nodesByLabel.computeIfAbsent(node.label(), k -> new ArrayList<>()).add(node);
      }
      for (var entry : nodesByLabel.entrySet()) {
        String label = entry.getKey();
        Set<String> stored =
            storedIds(tx, label, entry.getValue().stream().map(NodeRecord::id).toList());
        List<Map<String, Object>> newRows = new ArrayList<>();
        List<Map<String, Object>> storedRows = new ArrayList<>();
        for (NodeRecord node : entry.getValue()) {
          Map<String, Object> props = new HashMap<>(node.properties());
          props.put("id", node.id());
          if (stored.contains(node.id())) {
            props.remove("sources");
            storedRows.add(Map.of("id", node.id(), "props", props, "sources", node.sources()));
          } else {
            newRows.add(Map.of("props", props));
            created.add(node.id());
          }
        }
        String create =
            """
            UNWIND $rows AS row
            CREATE (n:`%1$s`)
            SET n = row.props
            RETURN 0 AS status, count(*) AS n
            """
                .formatted(label);
        sent = runChunks(tx, create, newRows, counts, 0, sent, progress);
        String merge =
            """
            UNWIND $rows AS row
            OPTIONAL MATCH (old:`%1$s` {id: row.id})
            WITH row, CASE WHEN old IS NULL THEN 0
              WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k])
                AND all(s IN row.sources WHERE s IN coalesce(old.sources, [])) THEN 2
              ELSE 1 END AS status
            MERGE (n:`%1$s` {id: row.id})
            SET n += row.props
            SET n.sources = CASE WHEN size(row.sources) = 0 THEN n.sources
              ELSE coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])]
              END
            RETURN status, count(*) AS n
            """
                .formatted(label);
        sent = runChunks(tx, merge, storedRows, counts, 0, sent, progress);
      }
      Map<List<String>, List<Map<String, Object>>> relsByShape = new LinkedHashMap<>();
      for (RelationshipRecord rel : batch.relationships()) {
        String fromLabel = labelOf(rel.from(), byId, missing);
        String toLabel = labelOf(rel.to(), byId, missing);
        boolean isNew = created.contains(rel.from()) || created.contains(rel.to());
        relsByShape
            .computeIfAbsent(
                List.of(rel.type(), fromLabel, toLabel, isNew ? "new" : "stored"),
                k -> new ArrayList<>())
            .add(
                isNew
                    ? Map.of("from", rel.from(), "to", rel.to(), "props", rel.properties())
                    : Map.of(
                        "from",
                        rel.from(),
                        "to",
                        rel.to(),
                        "props",
                        withoutSources(rel.properties()),
                        "sources",
                        rel.sources()));
      }
      for (var entry : relsByShape.entrySet()) {
        List<String> shape = entry.getKey();
        String query =
            shape.get(3).equals("new")
                ? """
                UNWIND $rows AS row
                MATCH (a:`%2$s` {id: row.from})
                MATCH (b:`%3$s` {id: row.to})
                CREATE (a)-[r:`%1$s`]->(b)
                SET r = row.props
                RETURN 0 AS status, count(*) AS n
                """
                : """
                UNWIND $rows AS row
                MATCH (a:`%2$s` {id: row.from})
                MATCH (b:`%3$s` {id: row.to})
                OPTIONAL MATCH (a)-[old:`%1$s`]->(b)
                WITH a, b, row, CASE WHEN old IS NULL THEN 0
                  WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k])
                    AND all(s IN row.sources WHERE s IN coalesce(old.sources, [])) THEN 2
                  ELSE 1 END AS status
                MERGE (a)-[r:`%1$s`]->(b)
                SET r += row.props
                SET r.sources = CASE WHEN size(row.sources) = 0 THEN r.sources
                  ELSE coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]
                  END
                RETURN status, count(*) AS n
                """;
        sent =
            runChunks(
                tx,
                query.formatted(shape.get(0), shape.get(1), shape.get(2)),
                entry.getValue(),
                counts,
                3,
                sent,
                progress);
      }
      if (dryRun) {
        tx.rollback();
      } else {
        tx.commit();
      }
      return new WriteSummary(
          counts[0],
          counts[1],
          counts[2],
          counts[3],
          counts[4],
          counts[5],
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static Map<String, Object> withoutSources(Map<String, Object> properties) {
    if (!properties.containsKey("sources")) {
      return properties;
    }
    Map<String, Object> copy = new HashMap<>(properties);
    copy.remove("sources");
    return copy;
  }

  private long runChunks(
      Transaction tx,
      String query,
      List<Map<String, Object>> rows,
      long[] counts,
      int offset,
      long sent,
      LongConsumer progress) {
    for (int i = 0; i < rows.size(); i += batchSize) {
      List<Map<String, Object>> chunk = rows.subList(i, Math.min(rows.size(), i + batchSize));
      long t = System.nanoTime();
      for (Record record : tx.run(query, Values.parameters("rows", chunk)).list()) {
        counts[offset + record.get("status").asInt()] += record.get("n").asLong();
      }
      if (Boolean.getBoolean("netmap.trace")) {
        System.err.printf(
            "%6d rows %7.0f ms %s%n",
            chunk.size(),
            (System.nanoTime() - t) / 1e6,
            query.strip().lines().skip(1).findFirst().orElse(""));
      }
      sent += chunk.size();
      progress.accept(sent);
    }
    return sent;
  }

  /** Those of the ids that a node of this label already has. */
  private Set<String> storedIds(Transaction tx, String label, List<String> ids) {
    Set<String> stored = new HashSet<>();
    for (int i = 0; i < ids.size(); i += batchSize) {
      tx.run(
              "UNWIND $ids AS id MATCH (n:`" + label + "` {id: id}) RETURN n.id AS id",
              Values.parameters("ids", ids.subList(i, Math.min(ids.size(), i + batchSize))))
          .forEachRemaining(r -> stored.add(r.get("id").asString()));
    }
    return stored;
  }

  /** The labels of those of the given ids that exist in the database. */
  public Map<String, String> existingLabels(Set<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    try (Session session = driver.session();
        Transaction tx = session.beginTransaction()) {
      return existingLabels(ids, tx);
    }
  }

  private static Map<String, String> existingLabels(Set<String> ids, Transaction tx) {
    Map<String, String> labels = new HashMap<>();
    if (ids.isEmpty()) {
      return labels;
    }
    for (String label : GraphModel.LABELS) {
      tx.run(
              "MATCH (n:`" + label + "`) WHERE n.id IN $ids RETURN n.id AS id",
              Values.parameters("ids", List.copyOf(ids)))
          .forEachRemaining(r -> labels.putIfAbsent(r.get("id").asString(), label));
    }
    return labels;
  }

  private static String labelOf(
      String id, Map<String, NodeRecord> byId, Map<String, String> existing) {
    NodeRecord node = byId.get(id);
    if (node != null) {
      return node.label();
    }
    String label = existing.get(id);
    if (label == null) {
      throw new ImportException(new ImportProblem(null, null, "unknown node '" + id + "'"));
    }
    return label;
  }
}
