package eu.netmap.edit;

import java.util.Map;

/**
 * A relationship as the editing API answers with it: the graph JSON link ({@link
 * eu.netmap.graph.GraphLink}) and its version, which the next edit must name.
 */
record LinkView(
    String source, String target, String type, Map<String, Object> properties, long version) {}
