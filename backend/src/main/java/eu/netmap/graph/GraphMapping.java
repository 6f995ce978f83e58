package eu.netmap.graph;

import eu.netmap.importer.GraphModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/** Maps Neo4j driver nodes and relationships to graph JSON, and finds nodes by id in Cypher. */
public final class GraphMapping {

  /**
   * A Cypher subquery that binds {@code n} to the node whose id is {@code $id}, whatever its label,
   * through the per-label uniqueness constraints (an unlabelled match would scan).
   */
  public static final String MATCH_NODE_BY_ID;

  /**
   * A label expression that matches the nodes of the graph model and nothing else, for {@code MATCH
   * (n:%s)}: the graph as people see it leaves out bookkeeping nodes such as the audit log's {@code
   * AuditEntry}.
   */
  public static final String MODEL_LABELS =
      String.join("|", GraphModel.LABELS.stream().map(l -> "`" + l + "`").toList());

  static {
    StringBuilder query = new StringBuilder("CALL () { ");
    for (int i = 0; i < GraphModel.LABELS.size(); i++) {
      if (i > 0) {
        query.append(" UNION ");
      }
      query.append("MATCH (n:`").append(GraphModel.LABELS.get(i)).append("` {id: $id}) RETURN n");
    }
    MATCH_NODE_BY_ID = query.append(" }").toString();
  }

  private GraphMapping() {}

  /** The label netmap shows for a node: its first model label, else its first label. */
  public static String label(Node node) {
    return label(node.labels());
  }

  /** The label netmap shows for a node with these labels. */
  public static String label(Iterable<String> labels) {
    String first = null;
    for (String label : labels) {
      if (GraphModel.LABELS.contains(label)) {
        return label;
      }
      if (first == null) {
        first = label;
      }
    }
    return first;
  }

  /**
   * The first of an embedded-API node's labels that the model knows, or null for bookkeeping nodes
   * (audit entries …), which are not part of the graph.
   */
  public static String modelLabel(org.neo4j.graphdb.Node node) {
    for (org.neo4j.graphdb.Label label : node.getLabels()) {
      if (GraphModel.LABELS.contains(label.name())) {
        return label.name();
      }
    }
    return null;
  }

  /** The node as graph JSON. */
  public static GraphNode node(Node node) {
    Map<String, Object> properties = new TreeMap<>(node.asMap());
    String id = str(properties.remove("id"));
    String name = str(properties.remove("name"));
    String nameEn = str(properties.remove("nameEn"));
    if (name == null && properties.get("title") != null) {
      name = str(properties.get("title"));
    }
    return new GraphNode(id, label(node), name, nameEn, properties);
  }

  /** The relationship as graph JSON, given the ids of its ends. */
  public static GraphLink link(Relationship rel, String sourceId, String targetId) {
    return new GraphLink(sourceId, targetId, rel.type(), new LinkedHashMap<>(rel.asMap()));
  }

  /** The id property of a driver value holding a node. */
  public static String id(Value nodeValue) {
    return nodeValue.asNode().get("id").asString(null);
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
