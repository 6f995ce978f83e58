package eu.netmap.analytics;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Betweenness and harmonic centrality from breadth-first searches over hop distance (edge weights
 * are tie strengths, not lengths, so they are ignored here), exact or estimated from {@code k}
 * pivot sources.
 *
 * <p>Brandes' dependency accumulation (U. Brandes, "A faster algorithm for betweenness centrality",
 * J. Math. Sociol. 25(2), 2001), estimated from uniformly sampled pivots as in Brandes and Pich,
 * "Centrality estimation in large networks" (2007). Scores follow networkx: betweenness as {@code
 * betweenness_centrality(G, k, normalized=True)} (pairs through {@code v} over {@code (n-1)(n-2)},
 * pivots rescaled as networkx 3.6 does), harmonic as {@code harmonic_centrality(G)} (sum of {@code
 * 1/d(u, v)}). With pivots the result also gives the largest standard error of a betweenness
 * estimate. Time O(k·m), space O(n + m).
 *
 * @param <V> the vertex type
 */
final class ShortestPathCentrality<V> {

  /** Graphs up to this many vertices get exact scores. */
  static final int EXACT_MAX_NODES_DEFAULT = 5_000;

  /** Pivots used above the exact threshold. */
  static final int PIVOTS_DEFAULT = 200;

  /** Seed of the pivot sample, so results repeat. */
  static final long SEED_DEFAULT = 42;

  private final IndexedGraph<V> graph;
  private final int[] sources;
  private final boolean exact;
  private double[] betweenness;
  private double[] harmonic;
  private double standardError;
  private double harmonicStandardError;

  /**
   * Exact scores, from every vertex.
   *
   * @param graph the graph
   */
  ShortestPathCentrality(IndexedGraph<V> graph) {
    this(graph, graph.size(), new Random(SEED_DEFAULT));
  }

  /**
   * Scores from {@code pivots} sources sampled without replacement; exact when {@code pivots >= n}.
   *
   * @param graph the graph
   * @param pivots how many sources, at least 2
   * @param random the source of the sample
   */
  ShortestPathCentrality(IndexedGraph<V> graph, int pivots, Random random) {
    this.graph = Objects.requireNonNull(graph, "graph");
    if (pivots < 2) {
      throw new IllegalArgumentException("pivots must be at least 2, was " + pivots);
    }
    int n = graph.size();
    this.exact = pivots >= n;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (!exact) {
      // partial Fisher-Yates: the first `pivots` entries are a uniform sample
      for (int i = 0; i < pivots; i++) {
        int j = i + random.nextInt(n - i);
        int tmp = all[i];
        all[i] = all[j];
        all[j] = tmp;
      }
    }
    this.sources = exact ? all : Arrays.copyOf(all, pivots);
  }

  /** Exact up to {@code maxExactNodes} vertices, else estimated from {@code pivots} pivots. */
  static <V> ShortestPathCentrality<V> exactUpTo(
      IndexedGraph<V> graph, int maxExactNodes, int pivots, long seed) {
    return graph.size() <= maxExactNodes
        ? new ShortestPathCentrality<>(graph)
        : new ShortestPathCentrality<>(graph, pivots, new Random(seed));
  }

  /** True when every vertex was a source. */
  boolean isExact() {
    return exact;
  }

  /** How many sources the scores come from. */
  int sourceCount() {
    return sources.length;
  }

  /** Normalised betweenness by vertex. */
  Map<V, Double> betweenness() {
    compute();
    return graph.toMap(betweenness);
  }

  /** Harmonic centrality by vertex. */
  Map<V, Double> harmonic() {
    compute();
    return graph.toMap(harmonic);
  }

  /** The largest standard error of an estimated harmonic centrality; 0 when exact. */
  double harmonicStandardError() {
    compute();
    return harmonicStandardError;
  }

  /** The largest standard error of an estimated betweenness; 0 when exact. */
  double betweennessStandardError() {
    compute();
    return standardError;
  }

  private void compute() {
    if (betweenness != null) {
      return;
    }
    int n = graph.size();
    double[] bc = new double[n];
    double[] squares = new double[n];
    double[] harm = new double[n];
    double[] harmSquares = new double[n];
    boolean[] isSource = new boolean[n];
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    double[] sigma = new double[n];
    double[] delta = new double[n];
    int[] order = new int[n];
    Progress.stage(
        exact ? "shortest paths from every node" : "shortest paths from pivots", sources.length);
    int done = 0;
    for (int s : sources) {
      if ((++done & 63) == 0) {
        Progress.step(done);
      }
      isSource[s] = true;
      // breadth-first search, recording the visiting order
      int head = 0;
      int tail = 0;
      order[tail++] = s;
      dist[s] = 0;
      sigma[s] = 1;
      while (head < tail) {
        int v = order[head++];
        int dv = dist[v];
        for (int e = graph.start(v); e < graph.end(v); e++) {
          int w = graph.target(e);
          if (dist[w] < 0) {
            dist[w] = dv + 1;
            order[tail++] = w;
          }
          if (dist[w] == dv + 1) {
            sigma[w] += sigma[v];
          }
        }
      }
      // dependencies in order of non-increasing distance; predecessors are the neighbours one
      // step closer to s, so no predecessor lists are kept
      for (int i = tail - 1; i > 0; i--) {
        int w = order[i];
        int dw = dist[w];
        double coefficient = (1 + delta[w]) / sigma[w];
        for (int e = graph.start(w); e < graph.end(w); e++) {
          int v = graph.target(e);
          if (dist[v] == dw - 1) {
            delta[v] += sigma[v] * coefficient;
          }
        }
        bc[w] += delta[w];
        squares[w] += delta[w] * delta[w];
        harm[w] += 1.0 / dw;
        harmSquares[w] += 1.0 / ((double) dw * dw);
      }
      for (int i = 0; i < tail; i++) {
        int w = order[i];
        dist[w] = -1;
        sigma[w] = 0;
        delta[w] = 0;
      }
    }
    int k = sources.length;
    double maxError = 0;
    double maxHarmonicError = 0;
    for (int v = 0; v < n; v++) {
      // the sources that can count pairs through v: a source never counts itself
      int samples = exact ? n - 1 : (isSource[v] ? k - 1 : k);
      double pairs = n - 2;
      if (n <= 2 || samples <= 0) {
        bc[v] = 0;
      } else if (exact) {
        bc[v] = bc[v] / ((double) (n - 1) * pairs);
      } else {
        double mean = bc[v] / samples / pairs;
        if (samples > 1) {
          double meanSquare = squares[v] / samples / (pairs * pairs);
          double variance = Math.max(0, meanSquare - mean * mean) * samples / (samples - 1);
          // sampled without replacement from the n - 1 other vertices
          double correction = Math.max(0, (double) (n - 1 - samples) / Math.max(1, n - 2));
          maxError = Math.max(maxError, Math.sqrt(variance / samples * correction));
        }
        bc[v] = mean;
      }
      if (!exact && samples > 0) {
        // each source is a sample of 1/d(s, v) (0 when unreachable) from the n - 1 others; the
        // estimate scales the sample mean by n - 1, and so does its standard error
        double mean = harm[v] / samples;
        if (samples > 1) {
          double variance =
              Math.max(0, harmSquares[v] / samples - mean * mean) * samples / (samples - 1);
          double correction = Math.max(0, (double) (n - 1 - samples) / Math.max(1, n - 2));
          maxHarmonicError =
              Math.max(maxHarmonicError, (n - 1) * Math.sqrt(variance / samples * correction));
        }
        harm[v] = harm[v] * (n - 1) / samples;
      }
    }
    this.standardError = maxError;
    this.harmonicStandardError = maxHarmonicError;
    this.harmonic = harm;
    this.betweenness = bc;
  }
}
