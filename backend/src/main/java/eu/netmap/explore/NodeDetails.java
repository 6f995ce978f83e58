package eu.netmap.explore;

import java.util.List;
import java.util.Map;

/**
 * A node with everything known about it and the documents it comes from.
 *
 * @param degree how many relationships it has
 * @param version the node's edit version (0 for a node never edited through netmap), which an edit
 *     must name (optimistic concurrency)
 */
record NodeDetails(
    String id,
    String label,
    String name,
    String nameEn,
    Map<String, Object> properties,
    List<SourceRef> sources,
    long degree,
    long version) {

  /** A source document, by id and title. */
  record SourceRef(String id, String title) {}
}
