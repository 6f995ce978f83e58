package eu.netmap.edit;

import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of changes. {@code sources} items are the ids of existing Source nodes (text) or
 * {@code {title, date, url}} objects for new Source nodes; every change must name at least one.
 */
final class ChangeInputs {

  private ChangeInputs() {}

  /**
   * A node to create ({@code POST /api/nodes}) or its new state ({@code PUT /api/nodes/{id}}, with
   * {@code version}). On update, a missing {@code name}, {@code nameEn} or {@code properties} keeps
   * what is stored; {@code properties} replaces every stored property but the name fields, sources
   * and version; an empty {@code nameEn} removes it.
   */
  record NodeInput(
      String label,
      String name,
      String nameEn,
      Map<String, Object> properties,
      List<Object> sources,
      Long version) {}

  /**
   * A relationship to create ({@code POST /api/relationships}) or its new properties ({@code PUT
   * /api/relationships/{source}/{type}/{target}}, with {@code version}).
   */
  record RelationshipInput(
      String source,
      String target,
      String type,
      Map<String, Object> properties,
      List<Object> sources,
      Long version) {}

  /** A deletion: the version deleted and the sources saying why. */
  record DeleteInput(Long version, List<Object> sources) {}

  /** Merging {@code other} into the node of the path; both versions must be current. */
  record MergeInput(String other, Long version, Long otherVersion, List<Object> sources) {}

  /** A revert; sources are optional (the log itself says why). */
  record RevertInput(List<Object> sources) {}
}
