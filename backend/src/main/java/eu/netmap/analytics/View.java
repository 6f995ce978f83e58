package eu.netmap.analytics;

import eu.netmap.system.BadRequestException;
import java.util.Arrays;
import java.util.List;

/** The graphs analytics run on, each read from the same snapshot of the stored graph. */
public enum View {
  /** The stored graph as it is, undirected, every relationship an edge of weight 1. */
  STORED("stored", false),
  /**
   * Actors (organisations, regions) × the collaborations (projects, networks) they take part in.
   */
  TWO_MODE("two-mode", false),
  /**
   * Actor × actor: organisations and regions tied by the collaborations they share, weight = how
   * many.
   */
  ACTORS("actors", true),
  /**
   * Region × region: a region takes part in the collaborations of the organisations located in it
   * and of the places that are part of it; weight = shared collaborations.
   */
  REGIONS("regions", true);

  private final String key;
  private final boolean weighted;

  View(String key, boolean weighted) {
    this.key = key;
    this.weighted = weighted;
  }

  /** The name used in the API. */
  public String key() {
    return key;
  }

  /** True when edge weights count shared collaborations (the projections). */
  public boolean weighted() {
    return weighted;
  }

  /** Every API name, in order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(View::key).toList();
  }

  /**
   * The view with this API name.
   *
   * @throws BadRequestException naming the valid views when there is none
   */
  public static View parse(String key) {
    for (View view : values()) {
      if (view.key.equals(key)) {
        return view;
      }
    }
    throw new BadRequestException("view", "Unknown view '" + key + "'", keys());
  }
}
