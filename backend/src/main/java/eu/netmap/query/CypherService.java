package eu.netmap.query;

import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphMapping;
import eu.netmap.graph.GraphNode;
import eu.netmap.system.NetmapProperties;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.springframework.stereotype.Service;

/**
 * Runs console queries: checked by {@link CypherGuard}, then in a READ transaction with the
 * configured time-out, reading at most {@code max-rows} rows.
 */
@Service
public class CypherService {

  /** Above this many nodes the result graph is drawn without looking up extra relationships. */
  static final int GRAPH_LINK_LOOKUP_MAX_NODES = 2000;

  private final Driver driver;
  private final NetmapProperties.Cypher limits;

  CypherService(Driver driver, NetmapProperties properties) {
    this.driver = driver;
    this.limits = properties.cypher();
  }

  /** Runs a read-only query within the console's limits. */
  public CypherResult run(String query, Map<String, Object> params) {
    CypherGuard.check(query);
    long start = System.nanoTime();
    SessionConfig config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
    try (Session session = driver.session(config);
        Transaction tx =
            session.beginTransaction(
                TransactionConfig.builder().withTimeout(limits.timeout()).build())) {
      Result result = tx.run(query, params == null ? Map.of() : params);
      List<String> columns = result.keys();
      Collector collector = new Collector();
      List<List<Object>> rows = new ArrayList<>();
      boolean truncated = false;
      while (result.hasNext()) {
        if (rows.size() >= limits.maxRows()) {
          truncated = true;
          break;
        }
        Record record = result.next();
        List<Object> row = new ArrayList<>(record.size());
        for (Value value : record.values()) {
          row.add(collector.convert(value));
        }
        rows.add(row);
      }
      CypherResult.Graph graph = collector.graph(tx);
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      tx.rollback();
      return new CypherResult(columns, rows, truncated, elapsed, graph);
    }
  }

  /** Converts driver values to JSON-ready values and gathers the nodes and relationships met. */
  private static final class Collector {

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    private final Map<Map<String, Object>, Relationship> pending =
        new java.util.IdentityHashMap<>();

    Object convert(Value value) {
      return value == null ? null : convert(value.asObject());
    }

    private Object convert(Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof Node node) {
        nodes.put(node.elementId(), node);
        return GraphMapping.node(node);
      }
      if (value instanceof Relationship rel) {
        relationships.put(rel.elementId(), rel);
        return linkPlaceholder(rel);
      }
      if (value instanceof Path path) {
        List<Object> pathNodes = new ArrayList<>();
        List<Object> pathLinks = new ArrayList<>();
        path.nodes().forEach(node -> pathNodes.add(convert(node)));
        path.relationships().forEach(rel -> pathLinks.add(convert(rel)));
        return Map.of("nodes", pathNodes, "links", pathLinks);
      }
      if (value instanceof List<?> list) {
        List<Object> converted = new ArrayList<>(list.size());
        list.forEach(item -> converted.add(convert(item)));
        return converted;
      }
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> converted = new LinkedHashMap<>();
        map.forEach((k, v) -> converted.put(String.valueOf(k), convert(v)));
        return converted;
      }
      if (value instanceof byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value;
      }
      return value.toString(); // dates, times, durations, points: their ISO text
    }

    /** Relationship ends are filled in once every end node is known; see {@link #graph}. */
    private Map<String, Object> linkPlaceholder(Relationship rel) {
      Map<String, Object> link = new LinkedHashMap<>();
      pending.put(link, rel);
      return link;
    }

    /** The nodes met, the relationships met, and the relationships among the nodes met. */
    CypherResult.Graph graph(Transaction tx) {
      List<String> missing = new ArrayList<>();
      for (Relationship rel : relationships.values()) {
        for (String end : List.of(rel.startNodeElementId(), rel.endNodeElementId())) {
          if (!nodes.containsKey(end)) {
            missing.add(end);
          }
        }
      }
      if (!missing.isEmpty()) {
        tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN n", Map.of("ids", missing))
            .forEachRemaining(r -> nodes.put(r.get("n").asNode().elementId(), r.get("n").asNode()));
      }
      if (!nodes.isEmpty() && nodes.size() <= GRAPH_LINK_LOOKUP_MAX_NODES) {
        tx.run(
                """
                MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids
                RETURN r
                """,
                Map.of("ids", List.copyOf(nodes.keySet())))
            .forEachRemaining(
                r ->
                    relationships.putIfAbsent(
                        r.get("r").asRelationship().elementId(), r.get("r").asRelationship()));
      }
      Map<String, String> ids = new HashMap<>();
      List<GraphNode> graphNodes = new ArrayList<>();
      for (Node node : nodes.values()) {
        GraphNode graphNode = GraphMapping.node(node);
        String id = graphNode.id() != null ? graphNode.id() : node.elementId();
        ids.put(node.elementId(), id);
        graphNodes.add(
            graphNode.id() != null
                ? graphNode
                : new GraphNode(
                    id,
                    graphNode.label(),
                    graphNode.name(),
                    graphNode.nameEn(),
                    graphNode.properties()));
      }
      pending.forEach(
          (link, rel) -> {
            link.put(
                "source", ids.getOrDefault(rel.startNodeElementId(), rel.startNodeElementId()));
            link.put("target", ids.getOrDefault(rel.endNodeElementId(), rel.endNodeElementId()));
            link.put("type", rel.type());
            link.put("properties", new LinkedHashMap<>(rel.asMap()));
          });
      List<GraphLink> links = new ArrayList<>();
      for (Relationship rel : relationships.values()) {
        String source = ids.get(rel.startNodeElementId());
        String target = ids.get(rel.endNodeElementId());
        if (source != null && target != null) {
          links.add(GraphMapping.link(rel, source, target));
        }
      }
      return new CypherResult.Graph(graphNodes, links);
    }
  }
}
