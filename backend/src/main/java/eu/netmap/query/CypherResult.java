package eu.netmap.query;

import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphNode;
import java.util.List;

/**
 * The answer of a console query.
 *
 * @param columns the result's column names
 * @param rows one list of values per row, in column order; nodes as {@code {id, label, name, …}},
 *     relationships as {@code {source, target, type, properties}}, paths as {@code {nodes, links}}
 * @param truncated true when the row cap cut the result
 * @param elapsedMs time from sending the query to the last row read
 * @param graph the nodes in the result and the relationships among them, to draw
 */
public record CypherResult(
    List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMs, Graph graph) {

  /** The drawable part of a result. */
  public record Graph(List<GraphNode> nodes, List<GraphLink> links) {}
}
