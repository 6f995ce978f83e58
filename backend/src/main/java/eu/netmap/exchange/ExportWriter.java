package eu.netmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ExportGraph} as GraphML, GEXF, a zip of two CSV files, or graph JSON. */
final class ExportWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ExportWriter() {}

  static void write(ExportGraph graph, ExportFormat format, OutputStream out) {
    try {
      switch (format) {
        case GRAPHML -> graphml(graph, out);
        case GEXF -> gexf(graph, out);
        case CSV -> csv(graph, out);
        case JSON -> json(graph, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An edge object with identity, so that parallel edges stay apart in a JGraphT graph. */
  private static final class EdgeRef {
    final ExportGraph.Edge edge;

    EdgeRef(ExportGraph.Edge edge) {
      this.edge = edge;
    }
  }

  private static Graph<String, EdgeRef> jgrapht(ExportGraph export) {
    Graph<String, EdgeRef> graph =
        export.directed()
            ? new DirectedPseudograph<>(EdgeRef.class)
            : new Pseudograph<>(EdgeRef.class);
    export.nodes().forEach(node -> graph.addVertex(node.id()));
    for (ExportGraph.Edge edge : export.edges()) {
      if (graph.containsVertex(edge.source()) && graph.containsVertex(edge.target())) {
        graph.addEdge(edge.source(), edge.target(), new EdgeRef(edge));
      }
    }
    return graph;
  }

  private static Map<String, AttributeType> nodeTypes(ExportGraph export) {
    return types(export.nodes().stream().map(ExportGraph.Item::attributes).toList());
  }

  private static Map<String, AttributeType> edgeTypes(ExportGraph export) {
    return types(export.edges().stream().map(ExportGraph.Edge::attributes).toList());
  }

  /** The type every value of an attribute fits: long, double, boolean or (for any mix) string. */
  static Map<String, AttributeType> types(List<Map<String, Object>> rows) {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      row.forEach(
          (key, value) -> {
            AttributeType type = typeOf(value);
            types.merge(key, type, ExportWriter::widen);
          });
    }
    return types;
  }

  private static AttributeType typeOf(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return AttributeType.LONG;
    }
    if (value instanceof Number) {
      return AttributeType.DOUBLE;
    }
    if (value instanceof Boolean) {
      return AttributeType.BOOLEAN;
    }
    return AttributeType.STRING;
  }

  private static AttributeType widen(AttributeType a, AttributeType b) {
    if (a == b) {
      return a;
    }
    if (Set.of(a, b).equals(Set.of(AttributeType.LONG, AttributeType.DOUBLE))) {
      return AttributeType.DOUBLE;
    }
    return AttributeType.STRING;
  }

  private static Attribute attribute(Object value, AttributeType type) {
    if (value == null) {
      return DefaultAttribute.NULL;
    }
    return switch (type) {
      case LONG -> DefaultAttribute.createAttribute(((Number) value).longValue());
      case DOUBLE -> DefaultAttribute.createAttribute(((Number) value).doubleValue());
      case BOOLEAN -> DefaultAttribute.createAttribute((Boolean) value);
      default -> DefaultAttribute.createAttribute(String.valueOf(value));
    };
  }

  private static Function<String, Map<String, Attribute>> nodeAttributes(
      ExportGraph export, Map<String, AttributeType> types) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    export.nodes().forEach(node -> byId.put(node.id(), node.attributes()));
    return id -> convert(byId.get(id), types);
  }

  private static Map<String, Attribute> convert(
      Map<String, Object> values, Map<String, AttributeType> types) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    values.forEach((key, value) -> attributes.put(key, attribute(value, types.get(key))));
    return attributes;
  }

  private static Map<String, Attribute> graphAttributes(ExportGraph export) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    attributes.put("netmapView", DefaultAttribute.createAttribute(export.name()));
    attributes.put("dataVersion", DefaultAttribute.createAttribute(export.dataVersion()));
    attributes.put("exportedAt", DefaultAttribute.createAttribute(export.exportedAt()));
    return attributes;
  }

  private static void graphml(ExportGraph export, OutputStream out) throws IOException {
    Map<String, AttributeType> nodeTypes = nodeTypes(export);
    Map<String, AttributeType> edgeTypes = edgeTypes(export);
    GraphMLExporter<String, EdgeRef> exporter = new GraphMLExporter<>(id -> id);
    // JGraphT 1.5 writes no graph-level data: the keys are registered here and their values
    // written into the <graph> element below
    graphAttributes(export)
        .keySet()
        .forEach(
            key ->
                exporter.registerAttribute(
                    key, GraphMLExporter.AttributeCategory.GRAPH, AttributeType.STRING));
    // one key per name: a name on both nodes and edges (sources, since …) is registered for all
    Map<String, AttributeType> shared = new LinkedHashMap<>(nodeTypes);
    edgeTypes.forEach((key, type) -> shared.merge(key, type, ExportWriter::widen));
    shared.forEach(
        (key, type) ->
            exporter.registerAttribute(
                key,
                nodeTypes.containsKey(key) && edgeTypes.containsKey(key)
                    ? GraphMLExporter.AttributeCategory.ALL
                    : nodeTypes.containsKey(key)
                        ? GraphMLExporter.AttributeCategory.NODE
                        : GraphMLExporter.AttributeCategory.EDGE,
                type));
    exporter.setVertexAttributeProvider(nodeAttributes(export, shared));
    exporter.setEdgeAttributeProvider(ref -> convert(ref.edge.attributes(), shared));
    java.io.StringWriter text = new java.io.StringWriter();
    exporter.exportGraph(jgrapht(export), text);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(withGraphData(text.toString(), graphAttributes(export)));
    writer.flush();
  }

  private static final java.util.regex.Pattern GRAPH_KEY =
      java.util.regex.Pattern.compile("<key id=\"([^\"]+)\" for=\"graph\" attr.name=\"([^\"]+)\"");

  /** Adds {@code <data>} of the graph's own attributes right after the {@code <graph>} tag. */
  static String withGraphData(String graphml, Map<String, Attribute> values) {
    StringBuilder data = new StringBuilder();
    java.util.regex.Matcher key = GRAPH_KEY.matcher(graphml);
    while (key.find()) {
      Attribute value = values.get(key.group(2));
      if (value != null) {
        data.append("\n        <data key=\"")
            .append(key.group(1))
            .append("\">")
            .append(xml(value.getValue()))
            .append("</data>");
      }
    }
    int graph = graphml.indexOf("<graph ");
    int end = graph < 0 ? -1 : graphml.indexOf('>', graph);
    return end < 0 ? graphml : graphml.substring(0, end + 1) + data + graphml.substring(end + 1);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static GEXFAttributeType gexfType(AttributeType type) {
    return switch (type) {
      case LONG -> GEXFAttributeType.LONG;
      case DOUBLE -> GEXFAttributeType.DOUBLE;
      case BOOLEAN -> GEXFAttributeType.BOOLEAN;
      default -> GEXFAttributeType.STRING;
    };
  }

  private static void gexf(ExportGraph export, OutputStream out) throws IOException {
    Map<String, AttributeType> nodeTypes = nodeTypes(export);
    Map<String, AttributeType> edgeTypes = edgeTypes(export);
    int[] next = {0};
    Map<EdgeRef, String> edgeIds = new java.util.IdentityHashMap<>();
    GEXFExporter<String, EdgeRef> exporter =
        new GEXFExporter<>(id -> id, ref -> edgeIds.computeIfAbsent(ref, r -> "e" + next[0]++));
    // "label" and "weight" are GEXF's own node label and edge weight, not extra attributes
    nodeTypes.forEach(
        (key, type) -> {
          if (!key.equals("label")) {
            exporter.registerAttribute(key, GEXFExporter.AttributeCategory.NODE, gexfType(type));
          }
        });
    edgeTypes.forEach(
        (key, type) -> {
          if (!key.equals("weight")) {
            exporter.registerAttribute(key, GEXFExporter.AttributeCategory.EDGE, gexfType(type));
          }
        });
    exporter.setParameter(
        GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, edgeTypes.containsKey("weight"));
    exporter.setParameter(GEXFExporter.Parameter.EXPORT_META, true);
    exporter.setCreator("netmap");
    exporter.setDescription(
        "netmap "
            + export.name()
            + "; data version "
            + export.dataVersion()
            + "; exported "
            + export.exportedAt());
    exporter.setVertexAttributeProvider(nodeAttributes(export, nodeTypes));
    exporter.setEdgeAttributeProvider(ref -> convert(ref.edge.attributes(), edgeTypes));
    Graph<String, EdgeRef> graph = jgrapht(export);
    if (edgeTypes.containsKey("weight")) {
      Graph<String, EdgeRef> weighted =
          new org.jgrapht.graph.AsWeightedGraph<>(
              graph,
              ref ->
                  ref.edge.attributes().get("weight") instanceof Number n ? n.doubleValue() : 1.0,
              false,
              false);
      graph = weighted;
    }
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    exporter.exportGraph(graph, writer);
    writer.flush();
  }

  /**
   * Gephi's spreadsheet layout: nodes.csv (Id, Label, …) and edges.csv (Source, Target, Type, …).
   */
  private static void csv(ExportGraph export, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setComment(
        "netmap "
            + export.name()
            + "; data version "
            + export.dataVersion()
            + "; exported "
            + export.exportedAt());
    Set<String> nodeColumns = new LinkedHashSet<>();
    export.nodes().forEach(node -> nodeColumns.addAll(node.attributes().keySet()));
    nodeColumns.remove("label");
    List<String> nodeHeader = new ArrayList<>(List.of("Id", "Label"));
    nodeHeader.addAll(nodeColumns);
    table(
        zip,
        "nodes.csv",
        nodeHeader,
        export.nodes(),
        (node, row) -> {
          row.add(node.id());
          row.add(node.attributes().get("label"));
          nodeColumns.forEach(c -> row.add(node.attributes().get(c)));
        });
    Set<String> edgeColumns = new LinkedHashSet<>();
    export.edges().forEach(edge -> edgeColumns.addAll(edge.attributes().keySet()));
    edgeColumns.remove("weight");
    List<String> edgeHeader = new ArrayList<>(List.of("Source", "Target", "Type", "Weight"));
    edgeHeader.addAll(edgeColumns);
    table(
        zip,
        "edges.csv",
        edgeHeader,
        export.edges(),
        (edge, row) -> {
          row.add(edge.source());
          row.add(edge.target());
          row.add(export.directed() ? "Directed" : "Undirected");
          row.add(edge.attributes().getOrDefault("weight", 1));
          edgeColumns.forEach(c -> row.add(edge.attributes().get(c)));
        });
    zip.putNextEntry(new ZipEntry("README.txt"));
    zip.write(
        ("netmap export of the "
                + export.name()
                + " graph\n"
                + "data version: "
                + export.dataVersion()
                + "\n"
                + "exported at: "
                + export.exportedAt()
                + "\n"
                + "nodes.csv: one row per node (Id, Label = name, type = netmap label, properties, metrics)\n"
                + "edges.csv: one row per edge (Gephi spreadsheet layout; Weight = shared collaborations in projections)\n")
            .getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
  }

  private static <T> void table(
      ZipOutputStream zip,
      String name,
      List<String> header,
      List<T> items,
      BiConsumer<T, List<Object>> row)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    CSVPrinter printer =
        new CSVPrinter(
            writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
    for (T item : items) {
      List<Object> values = new ArrayList<>();
      row.accept(item, values);
      printer.printRecord(values);
    }
    printer.flush();
    zip.closeEntry();
  }

  private static void json(ExportGraph export, OutputStream out) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("view", export.name());
    body.put("dataVersion", export.dataVersion());
    body.put("exportedAt", export.exportedAt());
    body.put("directed", export.directed());
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (ExportGraph.Item node : export.nodes()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", node.id());
      n.putAll(node.attributes());
      nodes.add(n);
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (ExportGraph.Edge edge : export.edges()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("source", edge.source());
      l.put("target", edge.target());
      l.putAll(edge.attributes());
      links.add(l);
    }
    body.put("nodes", nodes);
    body.put("links", links);
    JSON.writeValue(out, body);
  }
}
