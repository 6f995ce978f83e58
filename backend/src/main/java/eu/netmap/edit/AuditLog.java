package eu.netmap.edit;

import eu.netmap.system.GraphSetup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log: one {@code (:AuditEntry)} node per change, with no relationships,
 * written in the transaction of the change it records. Before and after are JSON text (the touched
 * nodes and relationships with every property), so an entry can be shown, compared and reverted.
 * Entries are never changed; a revert is a new entry naming the one it reverts.
 *
 * <p>Audit entries live in the main graph (so a backup carries them) but are not part of it: every
 * graph read matches the model's labels only ({@link eu.netmap.graph.GraphMapping#MODEL_LABELS}).
 */
@Component
class AuditLog implements InitializingBean {

  static final String LABEL = "AuditEntry";

  /** Fixed width, so text order is time order. */
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private static final Map<String, String> SCHEMA =
      Map.of(
          "auditentry_id",
          "CREATE CONSTRAINT auditentry_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE",
          "auditentry_at",
          "CREATE INDEX auditentry_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at)",
          "auditentry_reverts",
          "CREATE INDEX auditentry_reverts IF NOT EXISTS FOR (e:AuditEntry) ON (e.reverts)");

  private final Driver driver;
  private final GraphSetup graphSetup;

  /** Takes {@link GraphSetup} so that the database is known to answer before the schema below. */
  AuditLog(Driver driver, GraphSetup graphSetup) {
    this.driver = driver;
    this.graphSetup = graphSetup;
  }

  /**
   * Creates the indexes that are missing (usually none: the start skips the statements), as a
   * start-up step after the graph's set-up.
   */
  @Override
  public void afterPropertiesSet() {
    graphSetup.afterSetUp(this::createIndexes);
  }

  private void createIndexes() {
    try (Session session = driver.session()) {
      SCHEMA.forEach(
          (name, create) -> {
            if (!graphSetup.existedAtStart(name)) {
              session.run(create);
            }
          });
    }
  }

  /**
   * Records a change in the transaction that makes it.
   *
   * @param reverts the id of the entry a revert reverts, else null
   */
  AuditEntryView record(
      GraphStore store,
      String user,
      String action,
      String summary,
      Side before,
      Side after,
      List<String> sources,
      String reverts) {
    TreeSet<String> nodes = new TreeSet<>();
    TreeSet<String> relationships = new TreeSet<>();
    for (Side side : List.of(before, after)) {
      nodes.addAll(side.nodes.keySet());
      for (RelState rel : side.relationships.values()) {
        nodes.add(rel.source());
        nodes.add(rel.target());
        relationships.add(rel.key());
      }
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("id", UUID.randomUUID().toString());
    props.put("at", AT.format(Instant.now()));
    props.put("user", user);
    props.put("action", action);
    props.put("summary", summary);
    props.put("nodes", List.copyOf(nodes));
    props.put("relationships", List.copyOf(relationships));
    props.put("sources", List.copyOf(new TreeSet<>(sources)));
    props.put("before", JSON.writeValueAsString(before.json()));
    props.put("after", JSON.writeValueAsString(after.json()));
    if (reverts != null) {
      props.put("reverts", reverts);
    }
    store.run("CREATE (e:AuditEntry) SET e = $props", Map.of("props", props));
    return view(props, null);
  }

  /** An entry read in a change's transaction (for a revert). */
  Optional<AuditEntryView> find(GraphStore store, String id) {
    List<Record> rows =
        store.run(
            """
            MATCH (e:AuditEntry {id: $id})
            OPTIONAL MATCH (r:AuditEntry {reverts: e.id})
            RETURN e, r.id AS revertedBy LIMIT 1
            """,
            Map.of("id", id));
    return rows.stream().findFirst().map(AuditLog::view);
  }

  /** The entries touching a node (or all, for a null node), newest first. */
  AuditEntryView.Page list(String node, int limit, int offset) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("node", node);
    params.put("limit", limit);
    params.put("offset", offset);
    String where = node == null ? "" : " WHERE $node IN e.nodes";
    try (Session session = driver.session()) {
      return session.executeRead(
          tx -> {
            long total =
                tx.run("MATCH (e:AuditEntry)" + where + " RETURN count(e) AS n", params)
                    .single()
                    .get("n")
                    .asLong();
            List<AuditEntryView> items =
                tx.run(
                        "MATCH (e:AuditEntry)"
                            + where
                            + """
                             WITH e ORDER BY e.at DESC, e.id DESC SKIP $offset LIMIT $limit
                            OPTIONAL MATCH (r:AuditEntry {reverts: e.id})
                            WITH e, min(r.id) AS revertedBy
                            RETURN e, revertedBy ORDER BY e.at DESC, e.id DESC
                            """,
                        params)
                    .list(AuditLog::view);
            return new AuditEntryView.Page(total, offset, offset + items.size() < total, items);
          });
    }
  }

  private static AuditEntryView view(Record record) {
    Map<String, Object> props = new LinkedHashMap<>(record.get("e").asNode().asMap());
    Value revertedBy = record.get("revertedBy");
    return view(props, revertedBy.isNull() ? null : revertedBy.asString());
  }

  private static AuditEntryView view(Map<String, Object> props, String revertedBy) {
    return new AuditEntryView(
        (String) props.get("id"),
        (String) props.get("at"),
        (String) props.get("user"),
        (String) props.get("action"),
        (String) props.get("summary"),
        NodeState.strings(props.get("nodes")),
        NodeState.strings(props.get("relationships")),
        NodeState.strings(props.get("sources")),
        (String) props.get("reverts"),
        revertedBy,
        parse(props.get("before")),
        parse(props.get("after")));
  }

  private static Map<String, Object> parse(Object json) {
    return json == null ? Map.of() : JSON.readValue(json.toString(), MAP);
  }

  /**
   * Properties as they come back from the log's JSON, to compare stored values with logged ones.
   */
  static Map<String, Object> normalised(Map<String, Object> properties) {
    return JSON.readValue(JSON.writeValueAsString(new java.util.TreeMap<>(properties)), MAP);
  }
}
