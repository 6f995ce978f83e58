package eu.netmap.analytics;

import java.util.Map;
import java.util.Objects;

/**
 * PageRank by power iteration over the index arrays, as networkx's {@code pagerank(G, alpha,
 * weight="weight")} on an undirected graph: a walker follows a tie with probability proportional to
 * its weight, jumps anywhere with probability {@code 1 - damping}, and leaves a vertex without ties
 * to any vertex; scores sum to 1. JGraphT's {@code PageRank} gives the same numbers (the tests
 * check both against networkx) but is several times slower on large graphs because it works on
 * maps.
 *
 * <p>S. Brin and L. Page, "The anatomy of a large-scale hypertextual web search engine" (1998).
 * Time O(m) per iteration.
 */
final class WeightedPageRank<V> {

  static final double DAMPING_DEFAULT = 0.85;
  static final int MAX_ITERATIONS_DEFAULT = 1000;

  /** Stop when the scores change by less than this in total (L1), per vertex. */
  static final double TOLERANCE_DEFAULT = 1e-10;

  private final IndexedGraph<V> graph;
  private final double damping;
  private final int maxIterations;
  private final double tolerance;
  private double[] scores;

  WeightedPageRank(IndexedGraph<V> graph) {
    this(graph, DAMPING_DEFAULT, MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT);
  }

  WeightedPageRank(IndexedGraph<V> graph, double damping, int maxIterations, double tolerance) {
    this.graph = Objects.requireNonNull(graph, "graph");
    if (damping < 0 || damping > 1) {
      throw new IllegalArgumentException("damping must be in [0, 1], was " + damping);
    }
    this.damping = damping;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  Map<V, Double> scores() {
    if (scores == null) {
      compute();
    }
    return graph.toMap(scores);
  }

  private void compute() {
    int n = graph.size();
    double[] x = new double[n];
    double[] next = new double[n];
    if (n == 0) {
      scores = x;
      return;
    }
    java.util.Arrays.fill(x, 1.0 / n);
    Progress.stage("pagerank iterations", 0);
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      Progress.step(iteration);
      double dangling = 0;
      for (int v = 0; v < n; v++) {
        if (graph.strength(v) == 0) {
          dangling += x[v];
        }
      }
      double base = (1 - damping) / n + damping * dangling / n;
      java.util.Arrays.fill(next, base);
      for (int v = 0; v < n; v++) {
        double strength = graph.strength(v);
        if (strength == 0) {
          continue;
        }
        double share = damping * x[v] / strength;
        for (int e = graph.start(v); e < graph.end(v); e++) {
          next[graph.target(e)] += share * graph.weight(e);
        }
      }
      double change = 0;
      for (int v = 0; v < n; v++) {
        change += Math.abs(next[v] - x[v]);
      }
      double[] swap = x;
      x = next;
      next = swap;
      if (change < n * tolerance) {
        break;
      }
    }
    scores = x;
  }
}
