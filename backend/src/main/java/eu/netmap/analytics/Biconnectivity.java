package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cut vertices and bridges, the single points of failure of a network, by Hopcroft and Tarjan's
 * depth-first search with low points ("Algorithm 447: efficient algorithms for graph manipulation",
 * CACM 16(6), 1973), written iteratively: JGraphT's {@code BiconnectivityInspector} recurses and
 * overflows the stack on graphs of some hundred thousand vertices. Also tells into how many pieces
 * a cut vertex's component falls without it. Time and space O(n + m).
 *
 * @param <V> the vertex type
 */
final class Biconnectivity<V> {

  /** A bridge: the tie whose removal disconnects its ends. */
  record Bridge<V>(V source, V target) {}

  private final IndexedGraph<V> graph;
  private Map<V, Integer> cutpoints;
  private List<Bridge<V>> bridges;

  Biconnectivity(IndexedGraph<V> graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** The cut vertices, each with the number of pieces its component falls into without it. */
  Map<V, Integer> cutpoints() {
    compute();
    return cutpoints;
  }

  /** The bridges, in the order the search finds them. */
  List<Bridge<V>> bridges() {
    compute();
    return bridges;
  }

  private void compute() {
    if (cutpoints != null) {
      return;
    }
    int n = graph.size();
    int[] discovered = new int[n];
    Arrays.fill(discovered, -1);
    int[] low = new int[n];
    int[] parent = new int[n];
    int[] next = new int[n];
    int[] pieces = new int[n];
    int[] stack = new int[n];
    List<Bridge<V>> found = new ArrayList<>();
    int time = 0;
    for (int root = 0; root < n; root++) {
      if (discovered[root] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = root;
      discovered[root] = low[root] = time++;
      parent[root] = -1;
      next[root] = graph.start(root);
      while (top > 0) {
        int v = stack[top - 1];
        if (next[v] < graph.end(v)) {
          int w = graph.target(next[v]++);
          if (discovered[w] < 0) {
            parent[w] = v;
            discovered[w] = low[w] = time++;
            next[w] = graph.start(w);
            stack[top++] = w;
          } else if (w != parent[v]) {
            low[v] = Math.min(low[v], discovered[w]);
          }
        } else {
          top--;
          int p = parent[v];
          if (p >= 0) {
            low[p] = Math.min(low[p], low[v]);
            if (low[v] >= discovered[p]) {
              pieces[p]++; // v's subtree hangs on p alone
            }
            if (low[v] > discovered[p]) {
              found.add(new Bridge<>(graph.vertex(p), graph.vertex(v)));
            }
          }
        }
      }
      // the root has no parent side: it cuts only when two subtrees hang on it
      pieces[root] = pieces[root] >= 2 ? pieces[root] - 1 : 0;
    }
    Map<V, Integer> cuts = new LinkedHashMap<>();
    for (int v = 0; v < n; v++) {
      if (pieces[v] > 0) {
        cuts.put(graph.vertex(v), pieces[v] + 1);
      }
    }
    this.bridges = Collections.unmodifiableList(found);
    this.cutpoints = Collections.unmodifiableMap(cuts);
  }
}
