/**
 * Running netmap: the embedded Neo4j database and its Bolt connector, the schema, loading the seed
 * dataset, start-up failures explained in one line, and the one error shape of the API.
 */
package eu.netmap.system;
