/**
 * The cooperation planner: partner regions ranked for a region (and a theme), each with the reasons
 * in plain words, and the region's gaps.
 */
package eu.netmap.planner;
