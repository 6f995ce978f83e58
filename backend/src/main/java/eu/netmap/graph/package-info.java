/**
 * The graph as the API shows it: the one graph JSON shape ({@link eu.netmap.graph.GraphJson}), the
 * mapping from Neo4j's nodes and relationships to it, and the data version that caches key on.
 */
package eu.netmap.graph;
