package eu.netmap.planner;

import java.util.List;

/**
 * What the map draws: the regions of the regions view with their NUTS codes (a curated region and
 * its NUTS twin as one, see {@link RegionIndex}; places not folded), the ties between them
 * (optionally of one programme period) and the collaborations the ties come from.
 *
 * @param period the period asked for, or null for all
 * @param regions the regions (all of them, also those without a tie in the period)
 * @param ties ties between regions; weight = shared collaborations, all of them counted, while
 *     {@code via} lists at most as many as asked for (the API's {@code via}, 10 unless told)
 * @param collaborations every collaboration the answer names (in a region's list or a tie's {@code
 *     via})
 */
record RegionMap(
    String period, List<Region> regions, List<Link> ties, List<Collaboration> collaborations) {

  /**
   * A region.
   *
   * @param id its id
   * @param name its name
   * @param nuts its NUTS code, or null (outside NUTS)
   * @param ties its ties in the period
   * @param strength the summed weight of those ties
   * @param collaborationCount how many collaborations it takes part in during the period
   * @param collaborations those collaborations, the first by id, at most as many as asked for (the
   *     API's {@code collaborations}, 100 unless told)
   */
  record Region(
      String id,
      String name,
      String nuts,
      int ties,
      double strength,
      int collaborationCount,
      List<String> collaborations) {}

  /**
   * A tie: its ends (source before target by id), its weight (how many collaborations the two
   * share, all counted) and the collaborations it comes from: the first by id, at most as many as
   * asked for, so {@code weight} may exceed the length of {@code via}.
   */
  record Link(String source, String target, double weight, List<String> via) {}

  /** A network or project. */
  record Collaboration(String id, String label, String name, String period) {}
}
