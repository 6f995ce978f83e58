/**
 * Who may do what: user accounts (READER, EDITOR, ADMIN) kept in a small Neo4j store of their own,
 * apart from the graph so that no query, export or backup of the graph can read them; the first
 * admin; login throttling; and {@code /api/users}, {@code /api/me}.
 */
package eu.netmap.accounts;
