/**
 * Exports of the graph and its views to GraphML, GEXF, CSV and JSON, stamped with a data version.
 */
package eu.netmap.exchange;
