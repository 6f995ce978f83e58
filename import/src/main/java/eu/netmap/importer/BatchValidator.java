package eu.netmap.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a batch against the graph model before anything is written: ids, labels, required names,
 * relationship types and endpoints, and provenance. Endpoints and sources may also be nodes that
 * already exist in the database, which the caller resolves through {@code existingLabels}.
 */
public final class BatchValidator {

  /** More errors than this are not listed: the user fixes the first ones and runs again. */
  public static final int MAX_PROBLEMS_DEFAULT = 100;

  private final int maxProblems;

  public BatchValidator() {
    this(MAX_PROBLEMS_DEFAULT);
  }

  public BatchValidator(int maxProblems) {
    if (maxProblems < 1) {
      throw new IllegalArgumentException("maxProblems must be at least 1");
    }
    this.maxProblems = maxProblems;
  }

  /**
   * Validates the batch and throws an {@link ImportException} listing every problem found.
   *
   * @param batch the batch to check
   * @param existingLabels given ids not in the batch, returns the label of each that exists in the
   *     database (ids that do not exist are left out of the map)
   * @param requireSources whether every node and relationship must name at least one source
   */
  public void validate(
      GraphBatch batch,
      Function<Set<String>, Map<String, String>> existingLabels,
      boolean requireSources) {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, NodeRecord> byId = batch.nodesById();
    Set<String> seen = new HashSet<>();
    for (NodeRecord node : batch.nodes()) {
      if (!GraphModel.isValidId(node.id())) {
        problems.add(
            new ImportProblem(
                node.origin(),
                "id",
                node.id() == null || node.id().isBlank()
                    ? "id is empty"
                    : "'"
                        + node.id()
                        + "' is not a valid id (lower-case letters, digits, hyphens)"));
      } else if (!seen.add(node.id())) {
        problems.add(
            new ImportProblem(
                node.origin(),
                "id",
                "duplicate id '"
                    + node.id()
                    + "' (first at "
                    + byId.get(node.id()).origin()
                    + ")"));
      }
      if (node.label() == null || !GraphModel.LABELS.contains(node.label())) {
        problems.add(
            new ImportProblem(
                node.origin(),
                "label",
                "unknown label '" + node.label() + "'; expected one of " + GraphModel.LABELS));
      }
      Object name =
          node.properties().get(GraphModel.SOURCE.equals(node.label()) ? "title" : "name");
      if (!(name instanceof String text) || text.isBlank()) {
        problems.add(
            new ImportProblem(
                node.origin(),
                GraphModel.SOURCE.equals(node.label()) ? "title" : "name",
                "required field is empty"));
      }
      if (requireSources && !GraphModel.SOURCE.equals(node.label()) && node.sources().isEmpty()) {
        problems.add(new ImportProblem(node.origin(), "sources", "no source given for this node"));
      }
    }

    Set<String> unknown = new HashSet<>();
    for (RelationshipRecord rel : batch.relationships()) {
      for (String id : List.of(nullToEmpty(rel.from()), nullToEmpty(rel.to()))) {
        if (!byId.containsKey(id)) {
          unknown.add(id);
        }
      }
    }
    for (NodeRecord node : batch.nodes()) {
      for (String source : node.sources()) {
        if (!byId.containsKey(source)) {
          unknown.add(source);
        }
      }
    }
    for (RelationshipRecord rel : batch.relationships()) {
      for (String source : rel.sources()) {
        if (!byId.containsKey(source)) {
          unknown.add(source);
        }
      }
    }
    unknown.remove("");
    Map<String, String> existing = unknown.isEmpty() ? Map.of() : existingLabels.apply(unknown);

    Set<String> relKeys = new HashSet<>();
    for (RelationshipRecord rel : batch.relationships()) {
      String fromLabel = labelOf(rel.from(), byId, existing);
      String toLabel = labelOf(rel.to(), byId, existing);
      if (fromLabel == null) {
        problems.add(new ImportProblem(rel.origin(), "from", "unknown node '" + rel.from() + "'"));
      }
      if (toLabel == null) {
        problems.add(new ImportProblem(rel.origin(), "to", "unknown node '" + rel.to() + "'"));
      }
      if (!GraphModel.RELATIONSHIPS.containsKey(rel.type())) {
        problems.add(
            new ImportProblem(
                rel.origin(),
                "type",
                "unknown relationship type '"
                    + rel.type()
                    + "'; expected one of "
                    + GraphModel.RELATIONSHIPS.keySet().stream().sorted().toList()));
      } else if (fromLabel != null
          && toLabel != null
          && !GraphModel.allows(rel.type(), fromLabel, toLabel)) {
        problems.add(
            new ImportProblem(
                rel.origin(),
                "type",
                rel.type() + " cannot go from " + fromLabel + " to " + toLabel));
      }
      if (!relKeys.add(rel.key())) {
        problems.add(
            new ImportProblem(
                rel.origin(),
                null,
                "duplicate relationship " + rel.from() + " " + rel.type() + " " + rel.to()));
      }
      if (rel.properties().get("role") instanceof String role && !GraphModel.ROLES.contains(role)) {
        problems.add(
            new ImportProblem(
                rel.origin(),
                "role",
                "unknown role '"
                    + role
                    + "'; expected one of "
                    + GraphModel.ROLES.stream().sorted().toList()));
      }
      if (requireSources && rel.sources().isEmpty()) {
        problems.add(
            new ImportProblem(rel.origin(), "sources", "no source given for this relationship"));
      }
      checkSources(rel.sources(), rel.origin(), byId, existing, problems);
    }
    for (NodeRecord node : batch.nodes()) {
      checkSources(node.sources(), node.origin(), byId, existing, problems);
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems.size() > maxProblems ? capped(problems) : problems);
    }
  }

  private List<ImportProblem> capped(List<ImportProblem> problems) {
    List<ImportProblem> first = new ArrayList<>(problems.subList(0, maxProblems));
    first.add(
        new ImportProblem(
            null, null, "… and " + (problems.size() - maxProblems) + " more problems not listed"));
    return first;
  }

  private static void checkSources(
      List<String> sources,
      Origin origin,
      Map<String, NodeRecord> byId,
      Map<String, String> existing,
      List<ImportProblem> problems) {
    for (String source : sources) {
      if (!GraphModel.SOURCE.equals(labelOf(source, byId, existing))) {
        problems.add(new ImportProblem(origin, "sources", "unknown source '" + source + "'"));
      }
    }
  }

  private static String labelOf(
      String id, Map<String, NodeRecord> byId, Map<String, String> existing) {
    if (id == null) {
      return null;
    }
    NodeRecord node = byId.get(id);
    return node != null ? node.label() : existing.get(id);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
