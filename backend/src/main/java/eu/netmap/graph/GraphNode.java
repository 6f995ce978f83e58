package eu.netmap.graph;

import java.util.Map;

/**
 * A node in graph JSON.
 *
 * @param id the stable, human-readable id
 * @param label the node's kind (Organisation, Region, Network, Project, Theme, Event, Source)
 * @param name the name in its original language
 * @param nameEn the English name, or null
 * @param properties every other property, including {@code sources}
 */
public record GraphNode(
    String id, String label, String name, String nameEn, Map<String, Object> properties) {}
