/**
 * Network analytics with JGraphT: one snapshot of the graph per data version, read into four views
 * (stored, two-mode, actors, regions), and the measures facilitators and regions ask for — hubs,
 * brokers, gaps, communities and explained partner suggestions — with networkx's conventions so
 * every number can be checked. {@link eu.netmap.analytics.AnalyticsService} is the entry point for
 * other features.
 */
package eu.netmap.analytics;
