package eu.netmap.analytics;

import eu.netmap.system.BadRequestException;
import java.util.Arrays;
import java.util.List;

/**
 * The vertex measures analytics compute, with networkx's conventions. Weights are tie strengths
 * (shared collaborations): they count in weighted degree, PageRank, constraint and effective size;
 * path-based measures (betweenness, harmonic) use hop distance.
 */
public enum Metric {
  /** Number of neighbours ({@code G.degree}). */
  DEGREE("degree", true),
  /** Sum of tie weights ({@code G.degree(weight="weight")}). */
  WEIGHTED_DEGREE("weighted-degree", true),
  /** PageRank, damping 0.85, scores sum to 1 ({@code nx.pagerank(G, 0.85, weight="weight")}). */
  PAGERANK("pagerank", true),
  /** Normalised betweenness ({@code nx.betweenness_centrality(G, normalized=True)}). */
  BETWEENNESS("betweenness", true),
  /** Harmonic centrality, sum of 1/distance ({@code nx.harmonic_centrality(G)}). */
  HARMONIC("harmonic", true),
  /** k-core number ({@code nx.core_number(G)}). */
  CORENESS("coreness", true),
  /** Local clustering coefficient, unweighted ({@code nx.clustering(G)}). */
  CLUSTERING("clustering", true),
  /** Burt's constraint; low means a broker, so hubs lists it lowest first. */
  CONSTRAINT("constraint", false),
  /** Burt's effective size ({@code nx.effective_size(G, weight="weight")}). */
  EFFECTIVE_SIZE("effective-size", true);

  private final String key;
  private final boolean higherIsCentral;

  Metric(String key, boolean higherIsCentral) {
    this.key = key;
    this.higherIsCentral = higherIsCentral;
  }

  /** The name used in the API. */
  public String key() {
    return key;
  }

  /** True when a higher score means more central (all but constraint). */
  public boolean higherIsCentral() {
    return higherIsCentral;
  }

  /** Every API name, in order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(Metric::key).toList();
  }

  /**
   * The metric with this API name.
   *
   * @throws BadRequestException naming the valid metrics when there is none
   */
  public static Metric parse(String key) {
    for (Metric metric : values()) {
      if (metric.key.equals(key)) {
        return metric;
      }
    }
    throw new BadRequestException("metric", "Unknown metric '" + key + "'", keys());
  }
}
