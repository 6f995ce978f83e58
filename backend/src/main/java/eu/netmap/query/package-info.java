/** The read-only Cypher console: guard, execution with limits, results as table and graph. */
package eu.netmap.query;
