package eu.netmap.planner;

/**
 * A theme with how much work on it is mapped.
 *
 * @param id its id
 * @param name its name (Italian in the seed)
 * @param nameEn its English name, or null
 * @param counts networks, projects, organisations and regions working on it
 */
record ThemeInfo(String id, String name, String nameEn, Counts counts) {

  /**
   * How many of each work on a theme.
   *
   * @param networks networks addressing it
   * @param projects projects addressing it
   * @param organisations organisations in one of those
   * @param regions regions (of any level) in one of those, through their organisations and places
   */
  record Counts(int networks, int projects, int organisations, int regions) {}
}
