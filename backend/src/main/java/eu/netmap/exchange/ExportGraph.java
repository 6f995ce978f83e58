package eu.netmap.exchange;

import java.util.List;
import java.util.Map;

/**
 * A graph ready to write in any format: nodes and edges with flat attributes, in a stable order.
 *
 * @param name what was exported: a view name or "query"
 * @param directed true for the stored graph (relationships keep their direction)
 * @param nodes the nodes
 * @param edges the edges
 * @param dataVersion the SHA-256 (hex, first 16 characters) of the stored graph's contents
 * @param exportedAt when the export was made (ISO-8601, UTC)
 */
record ExportGraph(
    String name,
    boolean directed,
    List<Item> nodes,
    List<Edge> edges,
    String dataVersion,
    String exportedAt) {

  /** A node: its id and its attributes (name, label, properties, metrics). */
  record Item(String id, Map<String, Object> attributes) {}

  /** An edge between two node ids, with its attributes (type, weight, properties). */
  record Edge(String source, String target, Map<String, Object> attributes) {}
}
