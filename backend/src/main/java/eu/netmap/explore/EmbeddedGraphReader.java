package eu.netmap.explore;

import eu.netmap.graph.GraphJson;
import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphMapping;
import eu.netmap.graph.GraphNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * The compact whole graph read through the embedded database's Java API: the same answer as {@link
 * ExploreRepository}'s Cypher query (best-connected nodes first, ties by id; each with its id,
 * label, name, English name and period; links among them without properties), without Cypher and
 * Bolt, which cost most of the time on tens of thousands of nodes.
 */
final class EmbeddedGraphReader {

  /**
   * Best-connected first, then by id; nodes without an id last, as Cypher's ORDER BY puts nulls.
   */
  private static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::degree)
          .reversed()
          .thenComparing(Candidate::id, Comparator.nullsLast(Comparator.naturalOrder()));

  private EmbeddedGraphReader() {}

  /** The {@code limit} best-connected nodes of the model and the links among them. */
  @SuppressWarnings("deprecation") // internal ids, used within one transaction only
  static GraphJson compact(GraphDatabaseService db, int limit) {
    try (Transaction tx = db.beginTx()) {
      List<Candidate> candidates = new ArrayList<>();
      for (Node n : tx.getAllNodes()) {
        String label = GraphMapping.modelLabel(n);
        if (label != null) {
          // the degree the store keeps per node (every relationship, as COUNT { (n)--() })
          candidates.add(new Candidate(n, label, text(n.getProperty("id", null)), n.getDegree()));
        }
      }
      candidates.sort(ORDER);
      List<Candidate> chosen = candidates.subList(0, Math.min(limit, candidates.size()));
      // the chosen nodes by internal id (stable within this transaction): a link's other end is
      // looked up there
      Map<Long, String> ids = new HashMap<>(chosen.size() * 2);
      chosen.forEach(c -> ids.put(c.node().getId(), c.id()));
      List<GraphNode> nodes = new ArrayList<>(chosen.size());
      List<GraphLink> links = new ArrayList<>();
      for (Candidate c : chosen) {
        nodes.add(node(c));
        for (Relationship r : c.node().getRelationships(Direction.OUTGOING)) {
          String target = ids.get(r.getEndNodeId());
          if (target != null) {
            links.add(new GraphLink(c.id(), target, r.getType().name(), null));
          }
        }
      }
      tx.commit();
      long total = candidates.size();
      return new GraphJson(nodes, links, total, total > nodes.size());
    }
  }

  private static GraphNode node(Candidate c) {
    Map<String, Object> p = c.node().getProperties("name", "title", "nameEn", "period");
    Object name = p.containsKey("name") ? p.get("name") : p.get("title");
    Object period = p.get("period");
    return new GraphNode(
        c.id(),
        c.label(),
        text(name),
        text(p.get("nameEn")),
        period == null ? Map.of() : Map.of("period", period));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private record Candidate(Node node, String label, String id, int degree) {}
}
