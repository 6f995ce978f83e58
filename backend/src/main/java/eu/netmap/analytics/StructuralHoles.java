package eu.netmap.analytics;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Burt's constraint and effective size, the measures of brokerage across structural holes, with
 * networkx's conventions ({@code nx.constraint(G, weight=...)}, {@code nx.effective_size(G,
 * weight=...)}): the proportional tie strength of {@code u} to {@code v} is {@code w(u,v)} over the
 * sum of {@code u}'s tie weights; effective size uses Burt's redundancy with the strength of {@code
 * v}'s tie to {@code w} over {@code v}'s strongest tie. On an unweighted graph effective size
 * equals Borgatti's {@code n - 2t/n}. A vertex without neighbours gets NaN (undefined).
 *
 * <p>R. S. Burt, "Structural Holes: The Social Structure of Competition" (1992); S. P. Borgatti,
 * "Structural holes: unpacking Burt's redundancy measures", Connections 20(1), 1997. Time O(Σ_v
 * deg(v)²), space O(n + m).
 *
 * @param <V> the vertex type
 */
final class StructuralHoles<V> {

  private final IndexedGraph<V> graph;
  private double[] constraint;
  private double[] effectiveSize;

  StructuralHoles(IndexedGraph<V> graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** Burt's constraint by vertex: low for brokers, 1 for a single tie. */
  Map<V, Double> constraint() {
    compute();
    return graph.toMap(constraint);
  }

  /** Burt's effective size by vertex: the non-redundant part of the ego network. */
  Map<V, Double> effectiveSize() {
    compute();
    return graph.toMap(effectiveSize);
  }

  private void compute() {
    if (constraint != null) {
      return;
    }
    int n = graph.size();
    double[] strongest = new double[n];
    for (int v = 0; v < n; v++) {
      for (int e = graph.start(v); e < graph.end(v); e++) {
        strongest[v] = Math.max(strongest[v], graph.weight(e));
      }
    }
    double[] c = new double[n];
    double[] size = new double[n];
    int[] mark = new int[n];
    Arrays.fill(mark, -1);
    double[] share = new double[n];
    double[] indirect = new double[n];
    double[] redundancy = new double[n];
    Progress.stage("structural holes", n);
    for (int v = 0; v < n; v++) {
      if ((v & 1023) == 0) {
        Progress.step(v);
      }
      double sv = graph.strength(v);
      if (graph.degree(v) == 0) {
        c[v] = Double.NaN;
        size[v] = Double.NaN;
        continue;
      }
      for (int e = graph.start(v); e < graph.end(v); e++) {
        int u = graph.target(e);
        mark[u] = v;
        share[u] = sv == 0 ? 0 : graph.weight(e) / sv;
        indirect[u] = 0;
        redundancy[u] = 0;
      }
      for (int e = graph.start(v); e < graph.end(v); e++) {
        int w = graph.target(e);
        double pvw = share[w];
        double sw = graph.strength(w);
        for (int f = graph.start(w); f < graph.end(w); f++) {
          int u = graph.target(f);
          if (u != v && mark[u] == v) {
            double wwu = graph.weight(f);
            indirect[u] += sw == 0 ? 0 : pvw * wwu / sw;
            redundancy[u] += strongest[u] == 0 ? 0 : pvw * wwu / strongest[u];
          }
        }
      }
      double sumC = 0;
      double sumS = 0;
      for (int e = graph.start(v); e < graph.end(v); e++) {
        int u = graph.target(e);
        double local = share[u] + indirect[u];
        sumC += local * local;
        sumS += 1 - redundancy[u];
      }
      c[v] = sumC;
      size[v] = sumS;
    }
    this.effectiveSize = size;
    this.constraint = c;
  }
}
