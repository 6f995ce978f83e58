package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;

/**
 * An undirected graph as compressed adjacency arrays over vertex indices {@code 0..n-1}, for the
 * algorithms that visit every vertex many times (betweenness, structural holes, Louvain). Built
 * once from a JGraphT graph; self-loops are dropped, edge weights kept.
 *
 * @param <V> the vertex type
 */
final class IndexedGraph<V> {

  private final List<V> vertices;
  private final Map<V, Integer> index;
  private final int[] offsets;
  private final int[] targets;
  private final double[] weights;
  private final double[] strength;

  private IndexedGraph(List<V> vertices, int[] offsets, int[] targets, double[] weights) {
    this.vertices = Collections.unmodifiableList(vertices);
    this.index = new HashMap<>(vertices.size() * 2);
    for (int i = 0; i < vertices.size(); i++) {
      index.put(vertices.get(i), i);
    }
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.strength = new double[vertices.size()];
    for (int v = 0; v < strength.length; v++) {
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        strength[v] += weights[e];
      }
    }
  }

  /** The graph's vertices in its iteration order, with its edge weights. */
  static <V, E> IndexedGraph<V> of(Graph<V, E> graph) {
    List<V> vertices = new ArrayList<>(graph.vertexSet());
    Map<V, Integer> index = new HashMap<>(vertices.size() * 2);
    for (int i = 0; i < vertices.size(); i++) {
      index.put(vertices.get(i), i);
    }
    int n = vertices.size();
    int[] offsets = new int[n + 1];
    for (E e : graph.edgeSet()) {
      int s = index.get(graph.getEdgeSource(e));
      int t = index.get(graph.getEdgeTarget(e));
      if (s != t) {
        offsets[s + 1]++;
        offsets[t + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      offsets[i + 1] += offsets[i];
    }
    int[] fill = offsets.clone();
    int[] targets = new int[offsets[n]];
    double[] weights = new double[offsets[n]];
    for (E e : graph.edgeSet()) {
      int s = index.get(graph.getEdgeSource(e));
      int t = index.get(graph.getEdgeTarget(e));
      if (s != t) {
        double w = graph.getEdgeWeight(e);
        targets[fill[s]] = t;
        weights[fill[s]++] = w;
        targets[fill[t]] = s;
        weights[fill[t]++] = w;
      }
    }
    return new IndexedGraph<>(vertices, offsets, targets, weights);
  }

  /** The graph of the given undirected weighted edges {@code (u, v, w)} over vertices 0..n-1. */
  static IndexedGraph<Integer> ofEdges(int n, int[][] edges, double[] edgeWeights) {
    var graph =
        new org.jgrapht.graph.SimpleWeightedGraph<Integer, org.jgrapht.graph.DefaultWeightedEdge>(
            org.jgrapht.graph.DefaultWeightedEdge.class);
    for (int i = 0; i < n; i++) {
      graph.addVertex(i);
    }
    for (int i = 0; i < edges.length; i++) {
      Graphs.addEdge(graph, edges[i][0], edges[i][1], edgeWeights == null ? 1 : edgeWeights[i]);
    }
    return of(graph);
  }

  int size() {
    return vertices.size();
  }

  V vertex(int i) {
    return vertices.get(i);
  }

  List<V> vertices() {
    return vertices;
  }

  /** The index of the vertex, or -1. */
  int indexOf(V vertex) {
    Integer i = index.get(vertex);
    return i == null ? -1 : i;
  }

  /** Start of vertex {@code v}'s neighbours in {@link #target(int)}/{@link #weight(int)}. */
  int start(int v) {
    return offsets[v];
  }

  /** End (exclusive) of vertex {@code v}'s neighbours. */
  int end(int v) {
    return offsets[v + 1];
  }

  int target(int slot) {
    return targets[slot];
  }

  double weight(int slot) {
    return weights[slot];
  }

  int degree(int v) {
    return offsets[v + 1] - offsets[v];
  }

  /** The sum of the weights of the vertex's edges. */
  double strength(int v) {
    return strength[v];
  }

  /** The total edge weight, each edge counted once. */
  double totalWeight() {
    double sum = 0;
    for (double s : strength) {
      sum += s;
    }
    return sum / 2;
  }

  /** Values by vertex index as a map by vertex, in vertex order. */
  Map<V, Double> toMap(double[] values) {
    Map<V, Double> map = new LinkedHashMap<>(values.length * 2);
    for (int i = 0; i < values.length; i++) {
      map.put(vertices.get(i), values[i]);
    }
    return Collections.unmodifiableMap(map);
  }
}
