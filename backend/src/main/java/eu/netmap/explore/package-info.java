/**
 * Reading the graph for people exploring it: search by name, a node's details with its sources, its
 * neighbourhood, the whole graph (capped) and counts.
 */
package eu.netmap.explore;
