package eu.netmap.analytics;

import eu.netmap.system.BadRequestException;
import java.util.Arrays;
import java.util.List;

/** How candidate ties are scored. */
public enum LinkMethod {
  /** Σ 1/log(degree) over shared neighbours ({@code nx.adamic_adar_index}). */
  ADAMIC_ADAR("adamic-adar"),
  /** Σ 1/degree over shared neighbours ({@code nx.resource_allocation_index}). */
  RESOURCE_ALLOCATION("resource-allocation");

  private final String key;

  LinkMethod(String key) {
    this.key = key;
  }

  /** The name used in the API. */
  public String key() {
    return key;
  }

  /** Every API name. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(LinkMethod::key).toList();
  }

  /** The method with this API name; 400 naming the valid ones otherwise. */
  public static LinkMethod parse(String key) {
    for (LinkMethod method : values()) {
      if (method.key.equals(key)) {
        return method;
      }
    }
    throw new BadRequestException("method", "Unknown method '" + key + "'", keys());
  }
}
