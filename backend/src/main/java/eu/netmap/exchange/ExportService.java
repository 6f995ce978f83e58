package eu.netmap.exchange;

import eu.netmap.analytics.AnalyticsService;
import eu.netmap.analytics.Metric;
import eu.netmap.analytics.Tie;
import eu.netmap.analytics.View;
import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphMapping;
import eu.netmap.graph.GraphNode;
import eu.netmap.query.CypherResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.stereotype.Service;

/**
 * Builds what is exported: the stored graph or an analytics view, every node with all its
 * properties and its metrics in that view, stamped with a hash of the stored graph's contents so
 * that a figure can be traced to the data it came from.
 */
@Service
class ExportService {

  /** Metrics written as node attributes, under these names. */
  private static final Map<String, Metric> METRICS =
      Map.of(
          "degree", Metric.DEGREE, "pagerank", Metric.PAGERANK, "betweenness", Metric.BETWEENNESS);

  private final Driver driver;
  private final AnalyticsService analytics;

  ExportService(Driver driver, AnalyticsService analytics) {
    this.driver = driver;
    this.analytics = analytics;
  }

  /** The stored graph (directed, every relationship) or a view, with metrics. */
  ExportGraph view(View view) {
    Stored stored = readStored();
    Map<String, Map<String, Object>> metrics = metrics(view);
    List<ExportGraph.Item> items = new ArrayList<>();
    List<ExportGraph.Edge> edges = new ArrayList<>();
    if (view == View.STORED) {
      for (GraphNode node : stored.nodes().values()) {
        items.add(item(node, metrics.get(node.id())));
      }
      for (GraphLink link : stored.links()) {
        edges.add(edge(link));
      }
    } else {
      Graph<String, Tie> graph = analytics.snapshot().graph(view);
      for (String id : graph.vertexSet()) {
        GraphNode node = stored.nodes().get(id);
        if (node != null) {
          items.add(item(node, metrics.get(id)));
        }
      }
      for (Tie tie : graph.edgeSet()) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(
            "relationship", view == View.TWO_MODE ? String.join("; ", tie.via()) : "SHARES");
        attributes.put("weight", graph.getEdgeWeight(tie));
        attributes.put("via", String.join("; ", tie.via()));
        edges.add(
            new ExportGraph.Edge(graph.getEdgeSource(tie), graph.getEdgeTarget(tie), attributes));
      }
    }
    return new ExportGraph(view.key(), view == View.STORED, items, edges, stored.version(), now());
  }

  /** The graph of a console query's result, with the stored view's metrics. */
  ExportGraph query(CypherResult result) {
    Map<String, Map<String, Object>> metrics = metrics(View.STORED);
    List<ExportGraph.Item> items = new ArrayList<>();
    for (GraphNode node : result.graph().nodes()) {
      items.add(item(node, metrics.get(node.id())));
    }
    List<ExportGraph.Edge> edges =
        result.graph().links().stream().map(ExportService::edge).toList();
    return new ExportGraph("query", true, items, edges, readStored().version(), now());
  }

  /** The hash of the stored graph's contents (first 16 hex digits of a SHA-256). */
  String dataVersion() {
    return readStored().version();
  }

  private Map<String, Map<String, Object>> metrics(View view) {
    Map<String, Map<String, Object>> byNode = new TreeMap<>();
    METRICS.forEach(
        (name, metric) ->
            analytics
                .scores(view, metric)
                .forEach(
                    (id, score) ->
                        byNode.computeIfAbsent(id, k -> new TreeMap<>()).put(name, score)));
    analytics
        .communities(view)
        .communities()
        .forEach(
            community ->
                community
                    .members()
                    .forEach(
                        member ->
                            byNode
                                .computeIfAbsent(member.id(), k -> new TreeMap<>())
                                .put("community", community.id())));
    return byNode;
  }

  private static ExportGraph.Item item(GraphNode node, Map<String, Object> metrics) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("label", node.name() != null ? node.name() : node.id());
    attributes.put("type", node.label());
    if (node.nameEn() != null) {
      attributes.put("nameEn", node.nameEn());
    }
    node.properties().forEach((key, value) -> attributes.put(key, flat(value)));
    if (metrics != null) {
      attributes.putAll(metrics);
    }
    return new ExportGraph.Item(node.id(), attributes);
  }

  private static ExportGraph.Edge edge(GraphLink link) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("relationship", link.type());
    link.properties().forEach((key, value) -> attributes.put(key, flat(value)));
    return new ExportGraph.Edge(link.source(), link.target(), attributes);
  }

  /** Lists become "a; b" text: GraphML, GEXF and CSV have no list type. */
  private static Object flat(Object value) {
    if (value instanceof List<?> list) {
      return String.join("; ", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof String) {
      return value;
    }
    return String.valueOf(value);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private record Stored(Map<String, GraphNode> nodes, List<GraphLink> links, String version) {}

  /** Reads every node and relationship, and hashes them in a canonical order. */
  private Stored readStored() {
    Map<String, GraphNode> nodes = new LinkedHashMap<>();
    List<GraphLink> links = new ArrayList<>();
    MessageDigest digest = sha256();
    try (Session session =
        driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
      session
          .run("MATCH (n) WHERE NOT n:NetmapStaged RETURN n ORDER BY n.id")
          .forEachRemaining(
              record -> {
                GraphNode node = GraphMapping.node(record.get("n").asNode());
                String id = node.id() != null ? node.id() : record.get("n").asNode().elementId();
                nodes.put(id, node.id() != null ? node : withId(node, id));
                update(
                    digest,
                    id
                        + "|"
                        + node.label()
                        + "|"
                        + node.name()
                        + "|"
                        + node.nameEn()
                        + "|"
                        + new TreeMap<>(node.properties()));
              });
      session
          .run(
              """
              MATCH (a)-[r]->(b) WHERE NOT a:NetmapStaged AND NOT b:NetmapStaged
              RETURN coalesce(a.id, elementId(a)) AS source, r, coalesce(b.id, elementId(b)) AS target
              ORDER BY source, type(r), target
              """)
          .forEachRemaining(
              record -> {
                GraphLink link =
                    GraphMapping.link(
                        record.get("r").asRelationship(),
                        record.get("source").asString(),
                        record.get("target").asString());
                links.add(link);
                update(
                    digest,
                    link.source()
                        + "|"
                        + link.type()
                        + "|"
                        + link.target()
                        + "|"
                        + new TreeMap<>(link.properties()));
              });
    }
    String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    return new Stored(nodes, links, version);
  }

  private static GraphNode withId(GraphNode node, String id) {
    return new GraphNode(id, node.label(), node.name(), node.nameEn(), node.properties());
  }

  private static void update(MessageDigest digest, String line) {
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
