package eu.netmap.edit;

import java.util.List;
import java.util.Map;

/**
 * One change in the audit log.
 *
 * @param id the entry's id, for {@code POST /api/audit/{id}/revert}
 * @param at when the change was committed (UTC, ISO-8601 with microseconds)
 * @param user who made it (the login name)
 * @param action create-node, update-node, delete-node, merge-nodes, create-relationship,
 *     update-relationship, delete-relationship or revert
 * @param summary the change in one English sentence
 * @param nodes the ids of the nodes it touched, the ends of its relationships included
 * @param relationships the keys ({@code source|TYPE|target}) of the relationships it touched
 * @param sources the ids of the Source nodes the change cites
 * @param reverts for a revert, the id of the entry it reverted
 * @param revertedBy the id of the entry that reverted this one, if any
 * @param before the touched nodes and relationships before the change ({@code {nodes,
 *     relationships}}; what is missing did not exist)
 * @param after the same after the change
 */
record AuditEntryView(
    String id,
    String at,
    String user,
    String action,
    String summary,
    List<String> nodes,
    List<String> relationships,
    List<String> sources,
    String reverts,
    String revertedBy,
    Map<String, Object> before,
    Map<String, Object> after) {

  /**
   * A page of the audit log, newest first.
   *
   * @param total how many entries match
   * @param offset how many newer entries were skipped
   * @param truncated true when there are older entries than this page
   */
  record Page(long total, int offset, boolean truncated, List<AuditEntryView> items) {}
}
