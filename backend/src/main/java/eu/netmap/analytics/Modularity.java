package eu.netmap.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Newman–Girvan modularity of a partition of a weighted undirected graph, as networkx's {@code
 * community.modularity(G, communities, weight, resolution)}: the sum over communities of the share
 * of edge weight inside them minus the share expected at random, {@code Σ_c L_c/m - γ (d_c/2m)²}.
 */
final class Modularity {

  private Modularity() {}

  /** Modularity of the communities (every vertex in exactly one) at resolution 1. */
  static <V> double of(IndexedGraph<V> graph, List<Set<V>> communities) {
    Map<V, Integer> community = new HashMap<>();
    for (int c = 0; c < communities.size(); c++) {
      for (V v : communities.get(c)) {
        community.put(v, c);
      }
    }
    double m = graph.totalWeight();
    if (m == 0) {
      return 0;
    }
    double[] inside = new double[communities.size()];
    double[] degree = new double[communities.size()];
    for (int v = 0; v < graph.size(); v++) {
      int cv = community.get(graph.vertex(v));
      degree[cv] += graph.strength(v);
      for (int e = graph.start(v); e < graph.end(v); e++) {
        if (community.get(graph.vertex(graph.target(e))) == cv) {
          inside[cv] += graph.weight(e) / 2;
        }
      }
    }
    double q = 0;
    for (int c = 0; c < inside.length; c++) {
      double share = degree[c] / (2 * m);
      q += inside[c] / m - share * share;
    }
    return q;
  }
}
