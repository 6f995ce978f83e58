package eu.netmap.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a batch against the graph model before anything is written: ids, labels, required names,
 * relationship types and endpoints, and provenance. Endpoints and sources may also be nodes that
 * already exist in the database, which the caller resolves through {@code existingLabels}.
 *
 * <p>The check streams: a {@link Check} takes the records one at a time and keeps only what the
 * rules need across records (every node's number, label and origin in {@link ImportNodes}, and 8 to
 * 16 bytes per relationship to find duplicates), so a file of millions of rows is checked without
 * being held.
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
    Check check = check(requireSources);
    batch.emit(check);
    check.finish(existingLabels);
  }

  /** A check to hand the records to, then {@link Check#finish finish}. */
  public Check check(boolean requireSources) {
    return new Check(maxProblems, requireSources);
  }

  /**
   * A validation in progress: takes the records in input order, then {@link #finish} resolves the
   * ids the input only refers to against the database and reports every problem.
   */
  public static final class Check implements GraphSink {

    private static final int MAX_NODES = 1 << 30;

    private final int maxProblems;
    private final boolean requireSources;
    private final ImportNodes nodes = new ImportNodes();
    private LongHashSet relationshipKeys = new LongHashSet();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long problemCount;
    // relationships met before both their ends were known, 3 ints each: from, to, and the type
    // with the file of the origin; their lines apart
    private int[] pending = new int[48];
    private int[] pendingLines = new int[16];
    private int pendingCount;
    // cited sources not (yet) known to be Source nodes, with the first facts citing each
    private final Map<Integer, List<Origin>> citations = new LinkedHashMap<>();
    private final Map<Integer, Long> citationCounts = new LinkedHashMap<>();
    private long nodeCount;
    private long relationshipCount;
    private boolean finished;

    private Check(int maxProblems, boolean requireSources) {
      this.maxProblems = maxProblems;
      this.requireSources = requireSources;
    }

    @Override
    public void add(NodeRecord node) {
      nodeCount++;
      Origin origin = node.origin();
      String id = node.id() == null ? "" : node.id();
      int index = index(id);
      boolean first = !nodes.is(index, ImportNodes.DEFINED);
      if (!GraphModel.isValidId(node.id())) {
        problem(
            origin,
            "id",
            node.id() == null || node.id().isBlank()
                ? "id is empty"
                : "'" + node.id() + "' is not a valid id (lower-case letters, digits, hyphens)");
      } else if (!first) {
        problem(origin, "id", "duplicate id '" + id + "' (first at " + nodes.origin(index) + ")");
      }
      boolean knownLabel = node.label() != null && GraphModel.LABELS.contains(node.label());
      if (!knownLabel) {
        problem(
            origin,
            "label",
            "unknown label '" + node.label() + "'; expected one of " + GraphModel.LABELS);
      }
      if (first) {
        nodes.define(index, knownLabel ? node.label() : null, origin);
      }
      boolean source = GraphModel.SOURCE.equals(node.label());
      Object name = node.properties().get(source ? "title" : "name");
      if (!(name instanceof String text) || text.isBlank()) {
        problem(origin, source ? "title" : "name", "required field is empty");
      }
      if (requireSources && !source && node.sources().isEmpty()) {
        problem(origin, "sources", "no source given for this node");
      }
      cite(node.sources(), origin);
    }

    @Override
    public void add(RelationshipRecord rel) {
      relationshipCount++;
      Origin origin = rel.origin();
      int from = index(rel.from() == null ? "" : rel.from());
      int to = index(rel.to() == null ? "" : rel.to());
      int type = TYPES.indexOf(rel.type());
      if (nodes.is(from, ImportNodes.DEFINED) && nodes.is(to, ImportNodes.DEFINED)) {
        checkEnds(from, to, type, rel.type(), origin);
      } else {
        addPending(from, to, type, origin);
      }
      if (type < 0) {
        problem(
            origin,
            "type",
            "unknown relationship type '"
                + rel.type()
                + "'; expected one of "
                + GraphModel.RELATIONSHIPS.keySet().stream().sorted().toList());
      } else if (!relationshipKeys.add(((long) from << 33) | ((long) to << 3) | type)) {
        problem(
            origin,
            null,
            "duplicate relationship " + rel.from() + " " + rel.type() + " " + rel.to());
      }
      if (rel.properties().get("role") instanceof String role && !GraphModel.ROLES.contains(role)) {
        problem(
            origin,
            "role",
            "unknown role '"
                + role
                + "'; expected one of "
                + GraphModel.ROLES.stream().sorted().toList());
      }
      if (requireSources && rel.sources().isEmpty()) {
        problem(origin, "sources", "no source given for this relationship");
      }
      cite(rel.sources(), origin);
    }

    /**
     * Resolves the ids the input refers to but does not define, then throws every problem found.
     *
     * @param existingLabels given ids, returns the label of each the database holds
     * @throws ImportException listing the problems (capped); nothing may be written then
     */
    public void finish(Function<Set<String>, Map<String, String>> existingLabels) {
      if (!finished) {
        finished = true;
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
          if (!nodes.is(i, ImportNodes.DEFINED) && !nodes.id(i).isEmpty()) {
            unknown.add(nodes.id(i));
          }
        }
        Map<String, String> existing = unknown.isEmpty() ? Map.of() : existingLabels.apply(unknown);
        existing.forEach(
            (id, label) -> {
              if (GraphModel.LABELS.contains(label)) {
                nodes.setExisting(nodes.find(id), label);
              }
            });
        for (int p = 0; p < pendingCount; p++) {
          int from = pending[3 * p];
          int to = pending[3 * p + 1];
          int type = (pending[3 * p + 2] & 15) - 1;
          Origin origin = new Origin(nodes.file(pending[3 * p + 2] >>> 4), pendingLines[p]);
          if (nodes.label(from) == null && !nodes.is(from, ImportNodes.DEFINED)) {
            problem(origin, "from", "unknown node '" + nodes.id(from) + "'");
          }
          if (nodes.label(to) == null && !nodes.is(to, ImportNodes.DEFINED)) {
            problem(origin, "to", "unknown node '" + nodes.id(to) + "'");
          }
          checkEnds(from, to, type, type < 0 ? null : TYPES.get(type), origin);
        }
        pending = null;
        pendingLines = null;
        citations.forEach(
            (index, origins) -> {
              if (!GraphModel.SOURCE.equals(nodes.label(index))) {
                for (Origin origin : origins) {
                  problem(origin, "sources", "unknown source '" + nodes.id(index) + "'");
                }
                problemCount += citationCounts.get(index) - origins.size();
              }
            });
        citations.clear();
        relationshipKeys = null; // not needed any more: the memory goes to the write
      }
      if (problemCount > 0) {
        List<ImportProblem> listed = new ArrayList<>(problems);
        if (problemCount > problems.size()) {
          listed.add(
              new ImportProblem(
                  null,
                  null,
                  "… and " + (problemCount - problems.size()) + " more problems not listed"));
        }
        throw new ImportException(listed);
      }
    }

    /** Every node met, numbered, with what is known about it. */
    public ImportNodes nodes() {
      return nodes;
    }

    /** How many node records were checked. */
    public long nodeCount() {
      return nodeCount;
    }

    /** How many relationship records were checked. */
    public long relationshipCount() {
      return relationshipCount;
    }

    private int index(String id) {
      int index = nodes.add(id);
      if (index >= MAX_NODES) {
        throw new ImportException(
            new ImportProblem(null, null, "more than " + MAX_NODES + " nodes in one import"));
      }
      return index;
    }

    /** The type check of a relationship whose ends are both known, from the input or database. */
    private void checkEnds(int from, int to, int type, String typeName, Origin origin) {
      String fromLabel = nodes.label(from);
      String toLabel = nodes.label(to);
      if (type >= 0
          && fromLabel != null
          && toLabel != null
          && !GraphModel.allows(typeName, fromLabel, toLabel)) {
        problem(origin, "type", typeName + " cannot go from " + fromLabel + " to " + toLabel);
      }
    }

    private void addPending(int from, int to, int type, Origin origin) {
      if (pendingCount == pendingLines.length) {
        pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        pendingLines = java.util.Arrays.copyOf(pendingLines, pendingLines.length * 2);
      }
      pending[3 * pendingCount] = from;
      pending[3 * pendingCount + 1] = to;
      pending[3 * pendingCount + 2] =
          (nodes.fileIndex(origin == null ? "" : origin.file()) << 4) | (type + 1);
      pendingLines[pendingCount] = origin == null ? 0 : origin.line();
      pendingCount++;
    }

    private void cite(List<String> sources, Origin origin) {
      for (String source : sources) {
        int index = index(source == null ? "" : source);
        if (GraphModel.SOURCE.equals(nodes.label(index))) {
          continue;
        }
        List<Origin> origins = citations.computeIfAbsent(index, k -> new ArrayList<>());
        if (origins.size() < maxProblems) {
          origins.add(origin);
        }
        citationCounts.merge(index, 1L, Long::sum);
      }
    }

    private void problem(Origin origin, String field, String message) {
      problemCount++;
      if (problems.size() < maxProblems) {
        problems.add(new ImportProblem(origin, field, message));
      }
    }
  }

  /** Relationship types by number, for packing a relationship's identity into a long. */
  private static final List<String> TYPES =
      GraphModel.RELATIONSHIPS.keySet().stream().sorted().toList();
}
