/**
 * Changing the graph through netmap: creating, updating, merging and deleting nodes and
 * relationships, each change validated against the graph model, citing its sources, guarded by a
 * version (optimistic concurrency) and recorded in the audit log in the same transaction; any
 * recorded change can be reverted.
 *
 * <p>A relationship is identified by (source id, type, target id), the same identity the importer
 * merges on: there is at most one relationship of a type from one node to another, and the key
 * survives restarts, backups and restores because it is made of stable ids.
 */
package eu.netmap.edit;
