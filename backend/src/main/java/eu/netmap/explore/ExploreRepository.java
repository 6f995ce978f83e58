package eu.netmap.explore;

import eu.netmap.graph.GraphJson;
import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphMapping;
import eu.netmap.graph.GraphNode;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.Slugs;
import eu.netmap.system.GraphSetup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read queries of the explore API, run through {@link Neo4jClient} in read-only transactions:
 * their sessions are {@code AccessMode.READ}, so on a cluster ({@code neo4j://}) they go to the
 * followers and read replicas.
 */
@Repository
@Transactional(readOnly = true)
class ExploreRepository {

  /** Lucene's English stop words, which the full-text index analyzer leaves out. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
          "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
          "these", "they", "this", "to", "was", "will", "with");

  private final Neo4jClient client;
  private final ObjectProvider<DatabaseManagementService> embedded;

  ExploreRepository(Neo4jClient client, ObjectProvider<DatabaseManagementService> embedded) {
    this.client = client;
    this.embedded = embedded;
  }

  /**
   * Nodes whose name, English name, aliases or title match every word of the query, as whole words
   * or word beginnings, ignoring case and accents; exact and prefix matches of the whole name
   * first.
   */
  List<SearchHit> search(String text, int limit) {
    String folded = Slugs.fold(text);
    List<String> words =
        Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    // The index analyzer drops English stop words ("in" in "COM-IN"), so a stop word cannot be
    // required; it still counts in the boost of whole-name matches below.
    List<String> required = words.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
    if (required.isEmpty()) {
      required = words;
    }
    if (required.isEmpty()) {
      return List.of();
    }
    String lucene =
        String.join(" AND ", required.stream().map(w -> "(" + w + " OR " + w + "*)").toList());
    // only the fields that rank and show a hit cross Bolt, not whole nodes
    List<Scored> hits =
        new ArrayList<>(
            client
                .query(
                    """
                    CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch})
                    YIELD node, score
                    RETURN node.id AS id, labels(node) AS labels, node.name AS name,
                      node.nameEn AS nameEn, node.title AS title, node.aliases AS aliases, score
                    """)
                .bindAll(Map.of("index", GraphSetup.NAME_INDEX, "query", lucene, "fetch", 200))
                .fetchAs(Scored.class)
                .mappedBy(
                    (types, record) -> {
                      String name = record.get("name").asString(null);
                      String title = record.get("title").asString(null);
                      String nameEn = record.get("nameEn").asString(null);
                      List<String> names = new ArrayList<>(4);
                      for (String n : new String[] {name, nameEn, title}) {
                        if (n != null) {
                          names.add(n);
                        }
                      }
                      Value aliases = record.get("aliases");
                      if (!aliases.isNull()) {
                        aliases.asList(Value::asString).forEach(names::add);
                      }
                      SearchHit hit =
                          new SearchHit(
                              record.get("id").asString(null),
                              GraphMapping.label(record.get("labels").asList(Value::asString)),
                              name != null ? name : title,
                              nameEn);
                      return new Scored(hit, record.get("score").asDouble() + boost(names, folded));
                    })
                .all());
    hits.sort(Comparator.comparingDouble(Scored::score).reversed());
    return hits.stream().limit(limit).map(Scored::hit).toList();
  }

  /** Whole-name matches rank above word matches, and name beginnings above the rest. */
  private static double boost(List<String> names, String folded) {
    double best = 0;
    for (String name : names) {
      String candidate = Slugs.fold(name);
      if (candidate.equals(folded)) {
        best = Math.max(best, 100);
      } else if (candidate.startsWith(folded)) {
        best = Math.max(best, 50);
      } else if (candidate.contains(folded)) {
        best = Math.max(best, 20);
      }
    }
    return best;
  }

  private record Scored(SearchHit hit, double score) {}

  Optional<NodeDetails> node(String id) {
    return client
        .query(
            GraphMapping.MATCH_NODE_BY_ID
                + """
                OPTIONAL MATCH (s:Source) WHERE s.id IN coalesce(n.sources, [])
                WITH n, collect({id: s.id, title: s.title}) AS sources
                RETURN n, sources, COUNT { (n)--() } AS degree
                """)
        .bind(id)
        .to("id")
        .fetchAs(NodeDetails.class)
        .mappedBy(
            (types, record) -> {
              GraphNode node = GraphMapping.node(record.get("n").asNode());
              List<NodeDetails.SourceRef> sources =
                  record
                      .get("sources")
                      .asList(
                          v ->
                              new NodeDetails.SourceRef(
                                  v.get("id").asString(), v.get("title").asString(null)));
              return new NodeDetails(
                  node.id(),
                  node.label(),
                  node.name(),
                  node.nameEn(),
                  node.properties(),
                  sources,
                  record.get("degree").asLong(),
                  record.get("n").asNode().get("version").asLong(0));
            })
        .one();
  }

  /**
   * The node and its best-connected neighbours (up to {@code limit}), with the links among them.
   */
  Optional<GraphJson> neighbours(String id, int limit) {
    // ORDER BY with LIMIT keeps only the best $limit while it reads (a top-k, not a full sort), and
    // COUNT { (m)--() } reads the degree the store keeps per node, without walking relationships
    return client
        .query(
            GraphMapping.MATCH_NODE_BY_ID
                + """
                CALL (n) {
                  MATCH (n)--(m)
                  RETURN count(DISTINCT m) AS total
                }
                CALL (n) {
                  MATCH (n)--(m)
                  WITH DISTINCT m
                  WITH m, COUNT { (m)--() } AS degree
                  ORDER BY degree DESC, m.name
                  LIMIT $limit
                  RETURN collect(m) AS shown
                }
                RETURN n, total, shown
                """)
        .bindAll(Map.of("id", id, "limit", limit))
        .fetchAs(Shown.class)
        .mappedBy(
            (types, record) -> {
              List<Node> nodes = new ArrayList<>();
              nodes.add(record.get("n").asNode());
              nodes.addAll(record.get("shown").asList(Value::asNode));
              return new Shown(nodes, record.get("total").asLong());
            })
        .one()
        .map(
            // total counts the whole neighbourhood's nodes, the node itself included
            shown ->
                graph(shown.nodes(), shown.total() + 1, shown.total() + 1 > shown.nodes().size()));
  }

  private record Shown(List<Node> nodes, long total) {}

  /**
   * The graph, best-connected nodes first, capped at {@code limit} nodes, with the links among
   * them. Compact: each node with its id, label, name, English name and programme period only, and
   * links without properties (what drawing and filtering a big graph needs; the details panel reads
   * the rest per node).
   */
  GraphJson graph(int limit, boolean compact) {
    return graph(limit, compact, true);
  }

  /**
   * {@link #graph(int, boolean)}; the compact form is read through the embedded database's Java API
   * when {@code direct} and there is one ({@link EmbeddedGraphReader}: the same answer, several
   * times faster), else with Cypher.
   */
  GraphJson graph(int limit, boolean compact, boolean direct) {
    DatabaseManagementService service = compact && direct ? embedded.getIfAvailable() : null;
    if (service != null) {
      return EmbeddedGraphReader.compact(
          service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), limit);
    }
    long total =
        client
            .query("MATCH (n:" + GraphMapping.MODEL_LABELS + ") RETURN count(n) AS total")
            .fetchAs(Long.class)
            .one()
            .orElse(0L);
    // One query: the top $limit nodes by degree (ORDER BY with LIMIT keeps only the best while it
    // reads; COUNT { (n)--() } reads the degree the store keeps per node), each with its outgoing
    // relationships to nodes of the model, whose other ends are checked against the chosen nodes
    // here (ids are unique across the model's labels). Only the fields asked for cross Bolt: no
    // whole nodes and no relationship properties in the compact form.
    String node =
        compact
            ? "n.id AS id, labels(n) AS labels, n.name AS name, n.nameEn AS nameEn,"
                + " n.title AS title, n.period AS period"
            : "n";
    String other = "(m:" + GraphMapping.MODEL_LABELS + ")";
    String out =
        compact
            ? "[(n)-[r]->" + other + " | [type(r), m.id]]"
            : "[(n)-[r]->" + other + " | [m.id, r]]";
    List<Chosen> chosen =
        List.copyOf(
            client
                .query(
                    "MATCH (n:"
                        + GraphMapping.MODEL_LABELS
                        + ") WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.id"
                        + " LIMIT $limit RETURN "
                        + node
                        + ", "
                        + out
                        + " AS out")
                .bind(limit)
                .to("limit")
                .fetchAs(Chosen.class)
                .mappedBy(
                    (types, record) ->
                        new Chosen(
                            compact
                                ? compactNode(record)
                                : GraphMapping.node(record.get("n").asNode()),
                            record.get("out").asList(v -> v)))
                .all());
    // the ids as the nodes hold them: each link's ends are these strings, not copies
    Map<String, String> ids = new HashMap<>(chosen.size() * 2);
    chosen.forEach(c -> ids.put(c.node().id(), c.node().id()));
    List<GraphNode> nodes = new ArrayList<>(chosen.size());
    List<GraphLink> links = new ArrayList<>();
    for (Chosen c : chosen) {
      nodes.add(c.node());
      for (Value link : c.out()) {
        String target = ids.get(link.get(compact ? 1 : 0).asString(null));
        if (target == null) {
          continue;
        }
        links.add(
            compact
                ? new GraphLink(c.node().id(), target, link.get(0).asString(), null)
                : GraphMapping.link(link.get(1).asRelationship(), c.node().id(), target));
      }
    }
    return new GraphJson(nodes, links, Math.max(total, nodes.size()), total > nodes.size());
  }

  private record Chosen(GraphNode node, List<Value> out) {}

  /** A node of the compact graph: what drawing and the filters read. */
  private static GraphNode compactNode(org.neo4j.driver.Record record) {
    String name = record.get("name").asString(null);
    if (name == null) {
      name = record.get("title").asString(null);
    }
    Value period = record.get("period");
    return new GraphNode(
        record.get("id").asString(null),
        GraphMapping.label(record.get("labels").asList(Value::asString)),
        name,
        record.get("nameEn").asString(null),
        period.isNull() ? Map.of() : Map.of("period", period.asObject()));
  }

  private GraphJson graph(List<Node> nodes, long total, boolean truncated) {
    Map<String, Node> byElementId = new LinkedHashMap<>();
    nodes.forEach(n -> byElementId.put(n.elementId(), n));
    Collection<GraphLink> links =
        client
            .query(
                """
                MATCH (a)-[r]->(b)
                WHERE elementId(a) IN $ids AND elementId(b) IN $ids
                RETURN a.id AS source, r, b.id AS target
                """)
            .bind(List.copyOf(byElementId.keySet()))
            .to("ids")
            .fetchAs(GraphLink.class)
            .mappedBy(
                (types, record) ->
                    GraphMapping.link(
                        record.get("r").asRelationship(),
                        record.get("source").asString(),
                        record.get("target").asString()))
            .all();
    List<GraphNode> graphNodes = byElementId.values().stream().map(GraphMapping::node).toList();
    return new GraphJson(
        graphNodes, List.copyOf(links), Math.max(total, graphNodes.size()), truncated);
  }

  GraphStats stats() {
    Map<String, Long> nodes = new TreeMap<>();
    // the labels of the model only: bookkeeping nodes (the audit log) are not part of the graph
    for (String label : GraphModel.LABELS) {
      nodes.put(
          label,
          client
              .query("MATCH (n:`" + label.replace("`", "``") + "`) RETURN count(n)")
              .fetchAs(Long.class)
              .one()
              .orElse(0L));
    }
    Map<String, Long> relationships = new TreeMap<>();
    for (String type :
        client
            .query("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")
            .fetchAs(String.class)
            .all()) {
      relationships.put(
          type,
          client
              .query("MATCH ()-[r:`" + type.replace("`", "``") + "`]->() RETURN count(r)")
              .fetchAs(Long.class)
              .one()
              .orElse(0L));
    }
    nodes.values().removeIf(count -> count == 0);
    relationships.values().removeIf(count -> count == 0);
    return new GraphStats(nodes, relationships);
  }
}
