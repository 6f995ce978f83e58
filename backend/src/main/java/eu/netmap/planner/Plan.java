package eu.netmap.planner;

import java.util.List;

/**
 * The planner's answer for one region.
 *
 * @param region the region planned for
 * @param theme the theme asked for, or null
 * @param partners partner regions, best first
 * @param gaps what the region lacks: themes with no partner, networks of its partners it is not in,
 *     ties that rest on a single organisation
 */
record Plan(RegionRef region, ThemeRef theme, List<Partner> partners, List<Gap> gaps) {

  /** A region: its id, name and NUTS code (null outside NUTS). */
  record RegionRef(String id, String name, String nuts) {}

  /** A theme: its id and names. */
  record ThemeRef(String id, String name, String nameEn) {}

  /**
   * A partner region.
   *
   * @param id its id
   * @param name its name
   * @param nuts its NUTS code, or null
   * @param score the ranking score (see {@link PlannerService})
   * @param tied true when the two regions already share a collaboration
   * @param reasons why, in plain words
   */
  record Partner(
      String id, String name, String nuts, double score, boolean tied, List<String> reasons) {}

  /**
   * A gap.
   *
   * @param kind {@code theme} (no partner on it), {@code network} (partners are in it, the region
   *     is not) or {@code single-organisation} (a tie resting on one organisation)
   * @param id the theme, network or partner region concerned
   * @param name its name
   * @param text the gap in plain words
   */
  record Gap(String kind, String id, String name, String text) {}
}
