/**
 * For regions planning interregional cooperation: the cooperation planner (partner regions ranked
 * for a region and a theme at one level, each with its reasons in Italian or English, and the
 * region's gaps; as JSON or CSV), what the Map page draws, the themes with their counts, and the
 * NUTS reference regions loaded at start-up. A curated region and its NUTS twin count as one
 * ({@link eu.netmap.planner.RegionIndex}); places fold into their region ({@link
 * eu.netmap.planner.RegionUnits}).
 */
package eu.netmap.planner;
