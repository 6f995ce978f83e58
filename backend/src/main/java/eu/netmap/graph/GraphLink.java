package eu.netmap.graph;

import java.util.Map;

/**
 * A relationship in graph JSON, between two node ids.
 *
 * @param source the id of the start node
 * @param target the id of the end node
 * @param type the relationship type (MEMBER_OF, PARTICIPATES_IN, …)
 * @param properties the relationship's properties (role, since, sources …)
 */
public record GraphLink(
    String source, String target, String type, Map<String, Object> properties) {}
