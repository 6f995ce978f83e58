package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;

/**
 * Communities by the Louvain method: move vertices one by one to the neighbouring community that
 * gains the most modularity until no move helps, merge each community into one vertex, repeat while
 * a level raises modularity by more than a threshold. Weighted, with a resolution parameter and a
 * seeded random visiting order, as networkx's {@code louvain_communities(G, weight, resolution,
 * threshold, seed)}.
 *
 * <p>V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of communities in
 * large networks", J. Stat. Mech. (2008) P10008. Roughly O(m) per level in practice.
 *
 * @param <V> the vertex type
 */
final class Louvain<V> implements ClusteringAlgorithm<V> {

  /** Resolution 1 is the classic modularity of Newman and Girvan. */
  static final double RESOLUTION_DEFAULT = 1.0;

  /** A level must raise modularity by more than this to continue (networkx's default). */
  static final double THRESHOLD_DEFAULT = 1e-7;

  private static final double GAIN_EPSILON = 1e-12;

  /** Seed of the visiting order, so results repeat. */
  static final long SEED_DEFAULT = 42;

  private final IndexedGraph<V> graph;
  private final double resolution;
  private final double threshold;
  private final Random random;
  private Clustering<V> clustering;
  private int[] membership;

  Louvain(IndexedGraph<V> graph) {
    this(graph, RESOLUTION_DEFAULT, THRESHOLD_DEFAULT, new Random(SEED_DEFAULT));
  }

  Louvain(IndexedGraph<V> graph, double resolution, double threshold, Random random) {
    this.graph = Objects.requireNonNull(graph, "graph");
    if (!(resolution > 0)) {
      throw new IllegalArgumentException("resolution must be positive, was " + resolution);
    }
    this.resolution = resolution;
    this.threshold = threshold;
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public Clustering<V> getClustering() {
    if (clustering == null) {
      compute();
      List<Set<V>> communities = new ArrayList<>();
      for (int v = 0; v < membership.length; v++) {
        while (communities.size() <= membership[v]) {
          communities.add(new LinkedHashSet<>());
        }
        communities.get(membership[v]).add(graph.vertex(v));
      }
      clustering = new ClusteringImpl<>(communities);
    }
    return clustering;
  }

  /** The community index of each vertex (by vertex index), 0-based and dense. */
  int[] membership() {
    getClustering();
    return membership.clone();
  }

  /** One level of the method: a graph over current communities, with self-loop weights. */
  private static final class Level {
    final int n;
    final int[] offsets;
    final int[] targets;
    final double[] weights;
    final double[] selfLoops;
    final double[] degree;

    Level(int n, int[] offsets, int[] targets, double[] weights, double[] selfLoops) {
      this.n = n;
      this.offsets = offsets;
      this.targets = targets;
      this.weights = weights;
      this.selfLoops = selfLoops;
      this.degree = new double[n];
      for (int v = 0; v < n; v++) {
        double d = 2 * selfLoops[v];
        for (int e = offsets[v]; e < offsets[v + 1]; e++) {
          d += weights[e];
        }
        degree[v] = d;
      }
    }
  }

  private void compute() {
    int n = graph.size();
    membership = new int[n];
    for (int v = 0; v < n; v++) {
      membership[v] = v;
    }
    double m = graph.totalWeight();
    if (m <= 0) {
      return;
    }
    int[] offsets = new int[n + 1];
    int[] targets = new int[graph.end(n - 1)];
    double[] weights = new double[targets.length];
    for (int v = 0; v < n; v++) {
      offsets[v + 1] = graph.end(v);
      for (int e = graph.start(v); e < graph.end(v); e++) {
        targets[e] = graph.target(e);
        weights[e] = graph.weight(e);
      }
    }
    Level level = new Level(n, offsets, targets, weights, new double[n]);
    double modularity = modularity(level, m);
    int levels = 0;
    Progress.stage("louvain levels on " + n + " nodes", 0);
    while (true) {
      Progress.step(levels++);
      int[] community = oneLevel(level, m);
      if (community == null) {
        return;
      }
      for (int v = 0; v < n; v++) {
        membership[v] = community[membership[v]];
      }
      level = aggregate(level, community);
      double next = modularity(level, m);
      if (next - modularity <= threshold) {
        return;
      }
      modularity = next;
    }
  }

  /** Modularity of the partition into the level's vertices. */
  private double modularity(Level level, double m) {
    double q = 0;
    for (int c = 0; c < level.n; c++) {
      double share = level.degree[c] / (2 * m);
      q += level.selfLoops[c] / m - resolution * share * share;
    }
    return q;
  }

  /**
   * Local moves until none helps; returns each vertex's dense community index, or null when no
   * vertex moved.
   */
  private int[] oneLevel(Level level, double m) {
    int n = level.n;
    int[] community = new int[n];
    double[] total = new double[n];
    for (int v = 0; v < n; v++) {
      community[v] = v;
      total[v] = level.degree[v];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    double[] toCommunity = new double[n];
    int[] touched = new int[n];
    boolean improved = false;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (int v : order) {
        int own = community[v];
        double kv = level.degree[v];
        int count = 0;
        for (int e = level.offsets[v]; e < level.offsets[v + 1]; e++) {
          int c = community[level.targets[e]];
          if (toCommunity[c] == 0) {
            touched[count++] = c;
          }
          toCommunity[c] += level.weights[e];
        }
        total[own] -= kv;
        // gains relative to leaving v alone, times m
        double best = toCommunity[own] - resolution * total[own] * kv / (2 * m);
        int bestCommunity = own;
        for (int i = 0; i < count; i++) {
          int c = touched[i];
          double gain = toCommunity[c] - resolution * total[c] * kv / (2 * m);
          // a tolerance, so rounding never bounces a vertex between equally good communities
          if (gain > best + GAIN_EPSILON * kv) {
            best = gain;
            bestCommunity = c;
          }
        }
        total[bestCommunity] += kv;
        community[v] = bestCommunity;
        if (bestCommunity != own) {
          moved = true;
          improved = true;
        }
        for (int i = 0; i < count; i++) {
          toCommunity[touched[i]] = 0;
        }
      }
    }
    if (!improved) {
      return null;
    }
    int[] dense = new int[n];
    Arrays.fill(dense, -1);
    int next = 0;
    for (int v = 0; v < n; v++) {
      if (dense[community[v]] < 0) {
        dense[community[v]] = next++;
      }
      community[v] = dense[community[v]];
    }
    return community;
  }

  /** The graph whose vertices are the communities, internal weight kept as self-loops. */
  private static Level aggregate(Level level, int[] community) {
    int count = 0;
    for (int c : community) {
      count = Math.max(count, c + 1);
    }
    double[] selfLoops = new double[count];
    List<Map<Integer, Double>> adjacency = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      adjacency.add(new HashMap<>());
    }
    for (int v = 0; v < level.n; v++) {
      int cv = community[v];
      selfLoops[cv] += level.selfLoops[v];
      for (int e = level.offsets[v]; e < level.offsets[v + 1]; e++) {
        int u = level.targets[e];
        int cu = community[u];
        if (cu == cv) {
          if (v < u) {
            selfLoops[cv] += level.weights[e];
          }
        } else {
          adjacency.get(cv).merge(cu, level.weights[e], Double::sum);
        }
      }
    }
    int[] offsets = new int[count + 1];
    for (int c = 0; c < count; c++) {
      offsets[c + 1] = offsets[c] + adjacency.get(c).size();
    }
    int[] targets = new int[offsets[count]];
    double[] weights = new double[offsets[count]];
    for (int c = 0; c < count; c++) {
      int slot = offsets[c];
      for (Map.Entry<Integer, Double> entry : adjacency.get(c).entrySet()) {
        targets[slot] = entry.getKey();
        weights[slot++] = entry.getValue();
      }
    }
    return new Level(count, offsets, targets, weights, selfLoops);
  }
}
