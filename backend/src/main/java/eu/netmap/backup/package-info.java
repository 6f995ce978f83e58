/**
 * Backups of the graph: {@code GET /api/backup} and {@code POST /api/restore} (ADMIN), and backups
 * on a schedule into {@code ${netmap.data-dir}/backups}, in the format of {@code
 * eu.netmap.importer.backup} that the {@code netmap-import backup|restore} commands share.
 */
package eu.netmap.backup;
