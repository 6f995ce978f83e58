package eu.netmap.importer.csv;

import eu.netmap.importer.Fields;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.NetmapExports;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Origin;
import eu.netmap.importer.Problems;
import eu.netmap.importer.PropertyNames;
import eu.netmap.importer.RelationshipRecord;
import eu.netmap.importer.Slugs;
import eu.netmap.importer.SourceNodes;
import eu.netmap.importer.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a network kept as two tables, the way people prepare them for Kumu or Gephi: a nodes table
 * ({@code id, label, name, …}) and an edges table ({@code source, target, type, …}). Every other
 * column becomes a property ("Declared members" → declaredMembers); blank cells are left out.
 *
 * <p>Which table is which is told by its header: a table with source and target columns holds
 * edges. Tool layouts are recognised: without a name column, {@code Label} is the name (Gephi,
 * Kumu) and the netmap label comes from a {@code Type} or {@code Category} column. Edge endpoints
 * may be ids or names of nodes in the nodes table, or ids already in the database. An edge without
 * a type gets the one type the model allows between its endpoints' labels, if there is one.
 */
public final class CsvReader {

  private static final Set<String> DIRECTEDNESS = Set.of("directed", "undirected", "mutual");

  private final ImportOptions options;
  private final Problems problems;
  private final GraphBatch batch = new GraphBatch();
  private final Map<String, NodeRecord> nodesById = new HashMap<>();
  private final Map<String, String> idsByName = new HashMap<>();
  private final Set<String> exported = new java.util.HashSet<>();

  private CsvReader(ImportOptions options) {
    this.options = options;
    this.problems = new Problems(options.maxProblems());
  }

  /**
   * Reads the nodes and edges tables (in any order; an edges table alone links nodes already in the
   * database).
   *
   * @throws ImportException listing every problem found
   */
  public static GraphBatch read(List<ImportInput> inputs, ImportOptions options)
      throws IOException {
    CsvReader reader = new CsvReader(options);
    List<ImportInput> tables = new ArrayList<>();
    for (ImportInput input : inputs) {
      reader.expand(input, tables);
    }
    List<ImportInput> edgeInputs = new ArrayList<>();
    for (ImportInput input : tables) {
      if (isEdgeTable(input, options)) {
        edgeInputs.add(input);
      } else {
        reader.readNodes(input);
      }
    }
    for (ImportInput input : edgeInputs) {
      reader.readEdges(input);
    }
    reader.problems.throwIfErrors();
    return reader.batch;
  }

  /**
   * Adds the input to the tables, or for a zip file the CSV files in it (as in netmap's CSV export,
   * which a README.txt marks; see {@link NetmapExports}).
   */
  private void expand(ImportInput input, List<ImportInput> tables) throws IOException {
    byte[] start;
    try (InputStream in = input.open()) {
      start = in.readNBytes(4);
    }
    if (start.length < 4 || start[0] != 'P' || start[1] != 'K' || start[2] != 3 || start[3] != 4) {
      tables.add(input);
      return;
    }
    List<ImportInput> found = new ArrayList<>();
    boolean exported = false;
    try (ZipInputStream zip = new ZipInputStream(input.open(), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          found.add(ImportInput.of(input.name() + "/" + name, zip.readAllBytes()));
        } else if (name.equalsIgnoreCase("README.txt")) {
          exported =
              new String(zip.readAllBytes(), StandardCharsets.UTF_8)
                  .startsWith(NetmapExports.README_START);
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new ImportException(
          new ImportProblem(
              new Origin(input.name(), 0), null, "not a readable zip file: " + e.getMessage()));
    }
    if (found.isEmpty()) {
      throw new ImportException(
          new ImportProblem(new Origin(input.name(), 0), null, "no .csv file in the zip file"));
    }
    if (exported) {
      found.forEach(table -> this.exported.add(table.name()));
    }
    tables.addAll(found);
  }

  private static boolean isEdgeTable(ImportInput input, ImportOptions options) throws IOException {
    try (InputStream in = input.open();
        Table table = Table.open(in, input.name(), options)) {
      return table.column("source", "from") >= 0 && table.column("target", "to") >= 0;
    }
  }

  private void readNodes(ImportInput input) throws IOException {
    Citation citation = new Citation(input, exported.contains(input.name()));
    Map<Integer, String> types = citation.exported ? columnTypes(input) : Map.of();
    try (InputStream in = input.open();
        Table table = Table.open(in, input.name(), options)) {
      int id = table.column("id");
      int name = table.column("name");
      int label = name >= 0 ? table.column("label") : table.column("type", "category");
      if (name < 0) {
        name = table.column("label");
      }
      if (name < 0) {
        throw new ImportException(
            new ImportProblem(
                new Origin(input.name(), 1),
                null,
                "a nodes table needs a name (or label) column; found " + table.header()));
      }
      List<String> header = table.header();
      Set<Integer> used = new java.util.HashSet<>(List.of(id, name, label));
      if (citation.exported) {
        NetmapExports.METRICS.forEach(metric -> used.add(table.column(metric)));
      }
      for (Table.Row row : table) {
        Origin origin = new Origin(input.name(), row.line());
        String nodeName = row.get(name);
        String nodeId = id >= 0 && !blank(row.get(id)) ? row.get(id) : slugOrNull(nodeName);
        String nodeLabel = label(row, label, header, origin);
        Map<String, Object> props = properties(row, header, used, origin, citation, types);
        if (!blank(nodeName)) {
          props.put(GraphModel.SOURCE.equals(nodeLabel) ? "title" : "name", nodeName);
        }
        citation.addTo(props, nodeLabel);
        NodeRecord node = new NodeRecord(nodeId == null ? "" : nodeId, nodeLabel, props, origin);
        batch.add(node);
        if (nodeId != null) {
          nodesById.putIfAbsent(nodeId, node);
          if (!blank(nodeName)) {
            idsByName.putIfAbsent(Slugs.fold(nodeName), nodeId);
          }
        }
      }
    }
  }

  private String label(Table.Row row, int column, List<String> header, Origin origin) {
    String raw = row.get(column);
    if (blank(raw)) {
      if (options.defaultLabel() == null) {
        problems.error(
            origin,
            column >= 0 ? header.get(column) : "label",
            "no label; expected one of " + GraphModel.LABELS + " (or give a default label)");
      }
      return options.defaultLabel();
    }
    String label = Fields.label(raw);
    return label != null ? label : raw.strip();
  }

  private void readEdges(ImportInput input) throws IOException {
    Citation citation = new Citation(input, exported.contains(input.name()));
    Map<Integer, String> types = citation.exported ? columnTypes(input) : Map.of();
    try (InputStream in = input.open();
        Table table = Table.open(in, input.name(), options)) {
      int from = table.column("source", "from");
      int to = table.column("target", "to");
      // netmap's export writes the type as "relationship"; its "Type" and "Weight" are Gephi's
      int type =
          citation.exported ? table.column("relationship") : table.column("type", "relationship");
      int label = table.column("label");
      List<String> header = table.header();
      Set<Integer> used =
          new java.util.HashSet<>(List.of(from, to, type, label, table.column("id")));
      if (citation.exported) {
        used.add(table.column("type"));
        used.add(table.column("weight"));
      }
      for (Table.Row row : table) {
        Origin origin = new Origin(input.name(), row.line());
        String a = endpoint(row.get(from), origin, header.get(from));
        String b = endpoint(row.get(to), origin, header.get(to));
        String relType = type(row.get(type), row.get(label), a, b);
        if (relType == null) {
          problems.error(
              origin,
              type >= 0 ? header.get(type) : "type",
              "no relationship type, and none follows from the labels of "
                  + a
                  + " and "
                  + b
                  + "; expected one of "
                  + GraphModel.RELATIONSHIPS.keySet().stream().sorted().toList());
          continue;
        }
        Map<String, Object> props = properties(row, header, used, origin, citation, types);
        citation.addTo(props, null);
        batch.add(new RelationshipRecord(a, relType, b, props, origin));
      }
    }
  }

  private String endpoint(String raw, Origin origin, String column) {
    if (blank(raw)) {
      problems.error(origin, column, "required field is empty");
      return "";
    }
    String value = raw.strip();
    if (nodesById.containsKey(value)) {
      return value;
    }
    String byName = idsByName.get(Slugs.fold(value));
    return byName != null ? byName : value;
  }

  private String type(String typeCell, String labelCell, String from, String to) {
    for (String candidate : new String[] {typeCell, labelCell}) {
      if (!blank(candidate)
          && GraphModel.RELATIONSHIPS.containsKey(Fields.relationshipType(candidate))) {
        return Fields.relationshipType(candidate);
      }
    }
    if (!blank(typeCell) && !DIRECTEDNESS.contains(typeCell.strip().toLowerCase())) {
      return Fields.relationshipType(typeCell);
    }
    NodeRecord a = nodesById.get(from);
    NodeRecord b = nodesById.get(to);
    return a == null || b == null ? null : Fields.inferType(a.label(), b.label());
  }

  /**
   * The properties of a row. In a netmap export, lists are split at "; " and a column that holds
   * only numbers (or only true/false) is read as such, since CSV keeps no types.
   */
  private Map<String, Object> properties(
      Table.Row row,
      List<String> header,
      Set<Integer> used,
      Origin origin,
      Citation citation,
      Map<Integer, String> types) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (used.contains(i)) {
        continue;
      }
      String key = PropertyNames.of(header.get(i));
      if (key == null || key.equals("label") || key.equals("id")) {
        continue;
      }
      Object value =
          !citation.exported
              ? Fields.value(key, row.get(i), origin, header.get(i), problems)
              : Fields.LISTS.contains(key)
                  ? NetmapExports.list(row.get(i))
                  : Fields.isKnown(key)
                      ? Fields.value(key, row.get(i), origin, header.get(i), problems)
                      : Fields.typed(
                          row.get(i),
                          types.getOrDefault(i, "string"),
                          origin,
                          header.get(i),
                          problems);
      if (value != null) {
        props.put(key, value);
      }
    }
    return props;
  }

  /** The type of each column of a table, guessed from all its values (a first pass). */
  private Map<Integer, String> columnTypes(ImportInput input) throws IOException {
    Map<Integer, Fields.TypeGuess> guesses = new HashMap<>();
    try (InputStream in = input.open();
        Table table = Table.open(in, input.name(), options)) {
      for (Table.Row row : table) {
        for (int i = 0; i < row.values().size(); i++) {
          guesses.computeIfAbsent(i, k -> new Fields.TypeGuess()).accept(row.get(i));
        }
      }
    }
    Map<Integer, String> types = new HashMap<>();
    guesses.forEach((column, guess) -> types.put(column, guess.type()));
    return types;
  }

  /** The Source a file's facts cite: made when first needed, and only for facts without one. */
  private final class Citation {
    private final ImportInput input;
    private final boolean exported;
    private String sourceId;

    Citation(ImportInput input, boolean exported) {
      this.input = input;
      this.exported = exported;
      if (!exported) {
        sourceId = SourceNodes.cite(input, options, batch);
      }
    }

    /**
     * Cites the file, unless the facts of a netmap export list sources of their own (or are Source
     * nodes, which cite nothing there).
     */
    void addTo(Map<String, Object> props, String label) {
      if (exported
          && (GraphModel.SOURCE.equals(label)
              || (props.get("sources") instanceof List<?> given && !given.isEmpty()))) {
        return;
      }
      if (sourceId == null) {
        sourceId = SourceNodes.cite(input, options, batch);
      }
      addSource(props, sourceId);
    }
  }

  private static void addSource(Map<String, Object> props, String sourceId) {
    Set<Object> sources = new LinkedHashSet<>();
    if (props.get("sources") instanceof List<?> given) {
      sources.addAll(given);
    }
    sources.add(sourceId);
    props.put("sources", List.copyOf(sources));
  }

  private static String slugOrNull(String name) {
    if (blank(name)) {
      return null;
    }
    String slug = Slugs.idOf(name);
    return slug.isEmpty() ? null : slug;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
