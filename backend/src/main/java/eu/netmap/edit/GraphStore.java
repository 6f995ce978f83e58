package eu.netmap.edit;

import eu.netmap.graph.GraphMapping;
import eu.netmap.importer.GraphModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * The graph inside one write transaction: locks, reads and the one way changes are written ({@link
 * #apply}). Every change reads what it changes only after taking the write locks of the nodes
 * involved, so two changes of the same node run one after the other and the second sees the first.
 */
final class GraphStore {

  private final TransactionContext tx;

  GraphStore(TransactionContext tx) {
    this.tx = tx;
  }

  /**
   * Takes the write lock of each node that exists, in id order so that two changes never wait for
   * each other in a circle. Neo4j keeps the locks until the transaction ends; reads after this see
   * the latest committed state (the documented way to avoid lost updates).
   */
  void lock(Collection<String> ids) {
    for (String id : new TreeSet<>(ids)) {
      if (id != null) {
        tx.run(
                GraphMapping.MATCH_NODE_BY_ID + " SET n._netmapLock = true REMOVE n._netmapLock",
                Map.of("id", id))
            .consume();
      }
    }
  }

  Optional<NodeState> node(String id) {
    if (id == null) {
      return Optional.empty();
    }
    List<Record> rows =
        tx.run(GraphMapping.MATCH_NODE_BY_ID + " RETURN n", Map.of("id", id)).list();
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(NodeState.of(rows.get(0).get("n").asNode()));
  }

  /** Every relationship of the node, in and out. */
  List<RelState> relationshipsOf(String id) {
    return tx.run(
            GraphMapping.MATCH_NODE_BY_ID
                + """
                MATCH (n)-[r]-()
                WITH DISTINCT r
                RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target,
                       properties(r) AS props
                ORDER BY source, type, target
                """,
            Map.of("id", id))
        .list(GraphStore::rel);
  }

  /** The relationships of this type from one node to the other (at most one in a sound graph). */
  List<RelState> relationships(String source, String type, String target) {
    Map<String, String> labels = labels(Set.of(source, target));
    if (labels.get(source) == null || labels.get(target) == null) {
      return List.of();
    }
    return tx.run(
            "MATCH (a:%s {id: $source})-[r:%s]->(b:%s {id: $target})"
                    .formatted(quote(labels.get(source)), quote(type), quote(labels.get(target)))
                + " RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props",
            Map.of("source", source, "target", target))
        .list(GraphStore::rel);
  }

  /** The labels of those of the given ids that exist (model labels only). */
  Map<String, String> labels(Set<String> ids) {
    Map<String, String> labels = new HashMap<>();
    List<String> wanted = ids.stream().filter(id -> id != null).toList();
    if (wanted.isEmpty()) {
      return labels;
    }
    for (String label : GraphModel.LABELS) {
      tx.run(
              "MATCH (n:" + quote(label) + ") WHERE n.id IN $ids RETURN n.id AS id",
              Map.of("ids", wanted))
          .forEachRemaining(r -> labels.putIfAbsent(r.get("id").asString(), label));
    }
    return labels;
  }

  boolean exists(String id) {
    return !labels(Set.of(id)).isEmpty();
  }

  /**
   * What cites a Source node in its {@code sources}: node ids and relationship keys, at most a few
   * of each.
   */
  List<String> citing(String sourceId) {
    List<String> found = new ArrayList<>();
    found.addAll(
        tx.run(
                "MATCH (n:"
                    + GraphMapping.MODEL_LABELS
                    + ") WHERE $id IN coalesce(n.sources, []) RETURN n.id AS id LIMIT 20",
                Map.of("id", sourceId))
            .list(r -> r.get("id").asString()));
    found.addAll(
        tx.run(
                """
                MATCH (a)-[r]->(b) WHERE $id IN coalesce(r.sources, [])
                RETURN a.id + '|' + type(r) + '|' + b.id AS key LIMIT 20
                """,
                Map.of("id", sourceId))
            .list(r -> r.get("key").asString()));
    return found;
  }

  /**
   * Takes the graph from one side of a change to the other: relationships and nodes only on the
   * {@code current} side are deleted, the rest written as they are on the {@code target} side
   * (every property replaced), nodes first so that new relationships find their ends.
   */
  void apply(Side current, Side target) {
    Map<String, String> labels = new HashMap<>();
    current.nodes.values().forEach(n -> labels.put(n.id(), n.label()));
    target.nodes.values().forEach(n -> labels.put(n.id(), n.label()));
    Set<String> ends = new TreeSet<>();
    for (Side side : List.of(current, target)) {
      for (RelState rel : side.relationships.values()) {
        ends.add(rel.source());
        ends.add(rel.target());
      }
    }
    ends.removeAll(labels.keySet());
    labels.putAll(labels(ends));

    for (RelState rel : current.relationships.values()) {
      if (!target.relationships.containsKey(rel.key())) {
        tx.run(matchRel(rel, labels) + " DELETE r", relParams(rel)).consume();
      }
    }
    for (NodeState node : current.nodes.values()) {
      if (!target.nodes.containsKey(node.id())) {
        tx.run(
                "MATCH (n:" + quote(node.label()) + " {id: $id}) DETACH DELETE n",
                Map.of("id", node.id()))
            .consume();
      }
    }
    for (NodeState node : target.nodes.values()) {
      Map<String, Object> props = new LinkedHashMap<>(node.properties());
      props.put("id", node.id());
      String write =
          current.nodes.containsKey(node.id())
              ? "MATCH (n:" + quote(node.label()) + " {id: $id}) SET n = $props"
              : "CREATE (n:" + quote(node.label()) + ") SET n = $props";
      tx.run(write, Map.of("id", node.id(), "props", props)).consume();
    }
    for (RelState rel : target.relationships.values()) {
      Map<String, Object> params = relParams(rel);
      params.put("props", new TreeMap<>(rel.properties()));
      String write;
      if (current.relationships.containsKey(rel.key())) {
        write = matchRel(rel, labels) + " SET r = $props RETURN count(r) AS n";
      } else {
        if (labels.get(rel.source()) == null || labels.get(rel.target()) == null) {
          throw new ConflictException(
              "Cannot store "
                  + rel.key()
                  + ": node '"
                  + (labels.get(rel.source()) == null ? rel.source() : rel.target())
                  + "' does not exist (any more)");
        }
        write =
            "MATCH (a:%s {id: $source}) MATCH (b:%s {id: $target}) CREATE (a)-[r:%s]->(b)"
                    .formatted(
                        quote(labels.get(rel.source())),
                        quote(labels.get(rel.target())),
                        quote(rel.type()))
                + " SET r = $props RETURN count(r) AS n";
      }
      long written = tx.run(write, params).single().get("n").asLong();
      if (written != 1) {
        throw new ConflictException("Cannot store " + rel.key() + ": its ends are not as expected");
      }
    }
  }

  /** Runs a statement in this transaction (the audit log's reads and writes). */
  List<Record> run(String query, Map<String, Object> params) {
    return tx.run(query, params).list();
  }

  private static String matchRel(RelState rel, Map<String, String> labels) {
    String from = labels.get(rel.source());
    String to = labels.get(rel.target());
    if (from == null || to == null) {
      throw new ConflictException(
          "Cannot change "
              + rel.key()
              + ": node '"
              + (from == null ? rel.source() : rel.target())
              + "' does not exist (any more)");
    }
    return "MATCH (a:%s {id: $source})-[r:%s]->(b:%s {id: $target})"
        .formatted(quote(from), quote(rel.type()), quote(to));
  }

  private static Map<String, Object> relParams(RelState rel) {
    Map<String, Object> params = new HashMap<>();
    params.put("source", rel.source());
    params.put("target", rel.target());
    return params;
  }

  private static RelState rel(Record r) {
    return new RelState(
        r.get("source").asString(null),
        r.get("type").asString(),
        r.get("target").asString(null),
        r.get("props").asMap());
  }

  /** A label or type as a Cypher name, whatever characters it holds. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
