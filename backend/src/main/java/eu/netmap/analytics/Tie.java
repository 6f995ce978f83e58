package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An edge of an analytics view. In the projections its weight is the number of shared
 * collaborations and {@link #via()} names them, so every number can be explained; in the stored
 * view it lists the relationship types it stands for.
 */
public final class Tie extends DefaultWeightedEdge {

  private static final long serialVersionUID = 1L;

  private final List<String> via = new ArrayList<>();

  /** The ids of the collaborations (or the relationship types) this tie comes from, sorted. */
  public List<String> via() {
    return Collections.unmodifiableList(via);
  }

  void add(String reason) {
    int at = Collections.binarySearch(via, reason);
    if (at < 0) {
      via.add(-at - 1, reason);
    }
  }
}
