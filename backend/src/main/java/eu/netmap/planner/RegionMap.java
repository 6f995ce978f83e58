package eu.netmap.planner;

import java.util.List;

/**
 * What the map draws: the regions of the regions view with their NUTS codes (a curated region and
 * its NUTS twin as one, see {@link RegionIndex}; places not folded), the ties between them
 * (optionally of one programme period) and the collaborations the ties come from.
 *
 * @param period the period asked for, or null for all
 * @param regions the regions (all of them, also those without a tie in the period)
 * @param ties ties between regions; weight = shared collaborations
 * @param collaborations every collaboration a region takes part in
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
   * @param collaborations the collaborations it takes part in during the period
   */
  record Region(
      String id,
      String name,
      String nuts,
      int ties,
      double strength,
      List<String> collaborations) {}

  /** A tie: its ends, its weight and the collaborations it comes from. */
  record Link(String source, String target, double weight, List<String> via) {}

  /** A network or project. */
  record Collaboration(String id, String label, String name, String period) {}
}
