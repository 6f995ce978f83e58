package eu.netmap.graph;

import java.util.List;

/**
 * The one graph shape of the API: nodes, links between their ids, and whether the list was capped.
 *
 * @param nodes the nodes shown
 * @param links the relationships among them
 * @param total how many nodes there were before the cap
 * @param truncated true when {@code nodes} holds fewer than {@code total}
 */
public record GraphJson(
    List<GraphNode> nodes, List<GraphLink> links, long total, boolean truncated) {}
