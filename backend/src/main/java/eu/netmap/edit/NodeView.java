package eu.netmap.edit;

import java.util.Map;

/**
 * A node as the editing API answers with it: the graph JSON node ({@link
 * eu.netmap.graph.GraphNode}) and its version, which the next edit must name.
 */
record NodeView(
    String id,
    String label,
    String name,
    String nameEn,
    Map<String, Object> properties,
    long version) {}
