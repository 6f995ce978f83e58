package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Connected components by breadth-first search over the index arrays: the same sets as JGraphT's
 * {@code ConnectivityInspector}, an order of magnitude faster on large graphs because it touches no
 * maps. Time and space O(n + m).
 *
 * @param <V> the vertex type
 */
final class Components<V> {

  private final IndexedGraph<V> graph;
  private List<List<V>> components;

  Components(IndexedGraph<V> graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** The components, each in discovery order, in the order of their first vertex. */
  List<List<V>> components() {
    if (components == null) {
      int n = graph.size();
      int[] component = new int[n];
      Arrays.fill(component, -1);
      int[] queue = new int[n];
      List<List<V>> found = new ArrayList<>();
      for (int root = 0; root < n; root++) {
        if (component[root] >= 0) {
          continue;
        }
        int id = found.size();
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        component[root] = id;
        while (head < tail) {
          int v = queue[head++];
          for (int e = graph.start(v); e < graph.end(v); e++) {
            int w = graph.target(e);
            if (component[w] < 0) {
              component[w] = id;
              queue[tail++] = w;
            }
          }
        }
        List<V> members = new ArrayList<>(tail);
        for (int i = 0; i < tail; i++) {
          members.add(graph.vertex(queue[i]));
        }
        found.add(List.copyOf(members));
      }
      components = List.copyOf(found);
    }
    return components;
  }
}
