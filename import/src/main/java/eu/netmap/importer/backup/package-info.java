/**
 * netmap's backup format: the whole graph as one self-describing JSON-lines file, written and
 * restored over Bolt, shared by the app ({@code GET /api/backup}, {@code POST /api/restore},
 * scheduled backups) and the {@code netmap-import backup|restore} commands.
 */
package eu.netmap.importer.backup;
