package eu.netmap.analytics;

import eu.netmap.system.BadRequestException;
import java.util.Arrays;
import java.util.List;

/** How communities are found. */
public enum CommunityAlgorithm {
  /** Louvain modularity optimisation, weighted, fixed seed. */
  LOUVAIN("louvain"),
  /** Label propagation (JGraphT), unweighted, fixed seed: the fast option. */
  LABEL_PROPAGATION("label-propagation");

  private final String key;

  CommunityAlgorithm(String key) {
    this.key = key;
  }

  /** The name used in the API. */
  public String key() {
    return key;
  }

  /** Every API name. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(CommunityAlgorithm::key).toList();
  }

  /** The algorithm with this API name; 400 naming the valid ones otherwise. */
  public static CommunityAlgorithm parse(String key) {
    for (CommunityAlgorithm algorithm : values()) {
      if (algorithm.key.equals(key)) {
        return algorithm;
      }
    }
    throw new BadRequestException("algorithm", "Unknown algorithm '" + key + "'", keys());
  }
}
