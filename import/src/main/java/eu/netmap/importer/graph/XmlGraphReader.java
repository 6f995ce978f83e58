package eu.netmap.importer.graph;

import eu.netmap.importer.Fields;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportFormat;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.NetmapExports;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Origin;
import eu.netmap.importer.Problems;
import eu.netmap.importer.PropertyNames;
import eu.netmap.importer.RelationshipRecord;
import eu.netmap.importer.SourceNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.gexf.SimpleGEXFEventDrivenImporter;
import org.jgrapht.nio.graphml.GraphMLEventDrivenImporter;

/**
 * Reads GraphML and GEXF files (as written by Gephi, yEd, NetworkX, igraph …) with JGraphT's
 * event-driven importers. Node attributes are read like the columns of a CSV nodes table: {@code
 * name} (or, without it, the tool's {@code label}), the netmap label from {@code label} or {@code
 * type}, every other attribute a property. An edge's type comes from its {@code type}, {@code
 * relationship} or {@code label} attribute, or else from the labels of its ends.
 *
 * <p>JGraphT does not tell positions, so a light first pass over the XML finds the line of every
 * node and edge element for error messages and provenance.
 */
public final class XmlGraphReader {

  private static final Set<String> EDGE_KEYS = Set.of("id", "source", "target");
  private static final Set<String> DIRECTEDNESS = Set.of("directed", "undirected", "mutual");

  private XmlGraphReader() {}

  /**
   * Reads one GraphML or GEXF file.
   *
   * @throws ImportException listing every problem found
   */
  public static GraphBatch read(ImportFormat format, ImportInput input, ImportOptions options)
      throws IOException {
    Lines lines = lines(input);
    BaseEventDrivenImporter<String, Triple<String, String, Double>> importer;
    java.util.function.Consumer<java.io.Reader> run;
    if (format == ImportFormat.GRAPHML) {
      GraphMLEventDrivenImporter graphml = new GraphMLEventDrivenImporter();
      graphml.setSchemaValidation(false);
      importer = graphml;
      run = graphml::importInput;
    } else if (format == ImportFormat.GEXF) {
      SimpleGEXFEventDrivenImporter gexf = new SimpleGEXFEventDrivenImporter();
      gexf.setSchemaValidation(false);
      importer = gexf;
      run = gexf::importInput;
    } else {
      throw new IllegalArgumentException("not an XML graph format: " + format);
    }
    Map<String, Map<String, Attribute>> vertices = new LinkedHashMap<>();
    List<Map<String, Attribute>> edges = new ArrayList<>();
    List<String[]> ends = new ArrayList<>();
    Map<Triple<String, String, Double>, Map<String, Attribute>> edgeAttributes =
        new java.util.IdentityHashMap<>();
    importer.addVertexConsumer(v -> vertices.putIfAbsent(v, new LinkedHashMap<>()));
    importer.addVertexAttributeConsumer(
        (pair, attribute) ->
            vertices
                .computeIfAbsent(pair.getFirst(), k -> new LinkedHashMap<>())
                .put(pair.getSecond(), attribute));
    importer.addEdgeConsumer(
        e -> {
          Map<String, Attribute> attributes = new LinkedHashMap<>();
          edges.add(attributes);
          ends.add(new String[] {e.getFirst(), e.getSecond()});
          edgeAttributes.put(e, attributes);
        });
    importer.addEdgeAttributeConsumer(
        (pair, attribute) -> {
          Map<String, Attribute> attributes = edgeAttributes.get(pair.getFirst());
          if (attributes != null && !EDGE_KEYS.contains(pair.getSecond())) {
            attributes.put(pair.getSecond(), attribute);
          }
        });
    try (InputStream in = input.open()) {
      run.accept(new InputStreamReader(in, options.charset()));
    } catch (org.jgrapht.nio.ImportException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      int line = cause instanceof org.xml.sax.SAXParseException sax ? sax.getLineNumber() : 0;
      throw new ImportException(
          new ImportProblem(
              new Origin(input.name(), line),
              null,
              "not a valid " + format.cliName() + " file: " + cause.getMessage()));
    }

    Problems problems = new Problems(options.maxProblems());
    GraphBatch batch = new GraphBatch();
    // a netmap export: facts keep the sources they list, and the file is cited only by facts
    // that list none
    Citation citation = new Citation(input, options, batch, lines.netmapExport());
    Map<String, String> labels = new HashMap<>();
    for (var vertex : vertices.entrySet()) {
      Origin origin = new Origin(input.name(), lines.nodes.getOrDefault(vertex.getKey(), 0));
      NodeRecord node =
          node(vertex.getKey(), vertex.getValue(), origin, citation, options, problems);
      labels.put(node.id(), node.label());
      batch.add(node);
    }
    for (int i = 0; i < edges.size(); i++) {
      Origin origin = new Origin(input.name(), i < lines.edges.size() ? lines.edges.get(i) : 0);
      Map<String, Attribute> attributes = edges.get(i);
      String from = ends.get(i)[0];
      String to = ends.get(i)[1];
      String type = type(attributes, labels.get(from), labels.get(to));
      if (type == null) {
        problems.error(
            origin,
            "type",
            (labels.containsKey(from) && labels.containsKey(to)
                    ? "no relationship type, and none follows from the labels of "
                        + from
                        + " and "
                        + to
                    : "no relationship type, and it cannot be inferred: "
                        + (labels.containsKey(from) ? to : from)
                        + " is not in this file")
                + "; expected one of "
                + GraphModel.RELATIONSHIPS.keySet().stream().sorted().toList());
        continue;
      }
      Map<String, Object> props = properties(attributes, origin, problems, citation.exported());
      citation.addTo(props, null);
      batch.add(new RelationshipRecord(from, type, to, props, origin));
    }
    problems.throwIfErrors();
    return batch;
  }

  /** The Source a file's facts cite: made when first needed, and only for facts without one. */
  private static final class Citation {
    private final ImportInput input;
    private final ImportOptions options;
    private final GraphBatch batch;
    private final boolean exported;
    private String sourceId;

    Citation(ImportInput input, ImportOptions options, GraphBatch batch, boolean exported) {
      this.input = input;
      this.options = options;
      this.batch = batch;
      this.exported = exported;
      if (!exported) {
        sourceId = SourceNodes.cite(input, options, batch);
      }
    }

    boolean exported() {
      return exported;
    }

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

  private static NodeRecord node(
      String id,
      Map<String, Attribute> attributes,
      Origin origin,
      Citation citation,
      ImportOptions options,
      Problems problems) {
    Map<String, Attribute> rest = new LinkedHashMap<>(attributes);
    if (citation.exported()) {
      NetmapExports.METRICS.forEach(rest::remove);
    }
    String name = remove(rest, "name");
    String labelText;
    if (name != null) {
      labelText = remove(rest, "label");
    } else {
      name = remove(rest, "label");
      labelText = remove(rest, "type");
      if (labelText == null) {
        labelText = remove(rest, "category");
      }
    }
    String label = labelText == null ? options.defaultLabel() : Fields.label(labelText);
    if (label == null) {
      label = labelText;
      if (labelText == null) {
        problems.error(
            origin,
            "label",
            "no label; expected one of " + GraphModel.LABELS + " (or give a default label)");
      }
    }
    Map<String, Object> props = properties(rest, origin, problems, citation.exported());
    if (name != null && !name.isBlank()) {
      props.put(GraphModel.SOURCE.equals(label) ? "title" : "name", name.strip());
    }
    citation.addTo(props, label);
    return new NodeRecord(id, label, props, origin);
  }

  private static String type(Map<String, Attribute> attributes, String fromLabel, String toLabel) {
    String typeText = remove(attributes, "type");
    String relationship = remove(attributes, "relationship");
    String label = remove(attributes, "label");
    for (String candidate : new String[] {relationship, typeText, label}) {
      if (candidate != null
          && GraphModel.RELATIONSHIPS.containsKey(Fields.relationshipType(candidate))) {
        return Fields.relationshipType(candidate);
      }
    }
    for (String candidate : new String[] {relationship, typeText}) {
      if (candidate != null
          && !candidate.isBlank()
          && !DIRECTEDNESS.contains(candidate.strip().toLowerCase(Locale.ROOT))) {
        return Fields.relationshipType(candidate);
      }
    }
    return fromLabel == null || toLabel == null ? null : Fields.inferType(fromLabel, toLabel);
  }

  /**
   * Properties from attributes: the netmap fields by their names (dates, counts, lists), other
   * attributes by the type their key declares (int, long, float, double, boolean or string).
   */
  private static Map<String, Object> properties(
      Map<String, Attribute> attributes, Origin origin, Problems problems, boolean exported) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (var attribute : attributes.entrySet()) {
      String key = PropertyNames.of(attribute.getKey());
      if (key == null || key.equals("id") || key.equals("label")) {
        continue;
      }
      String text = attribute.getValue().getValue();
      Object value =
          exported && Fields.LISTS.contains(key)
              ? NetmapExports.list(text)
              : Fields.isKnown(key)
                  ? Fields.value(key, text, origin, attribute.getKey(), problems)
                  : Fields.typed(
                      text,
                      typeName(attribute.getValue().getType()),
                      origin,
                      attribute.getKey(),
                      problems);
      if (value != null) {
        props.put(key, value);
      }
    }
    return props;
  }

  private static String typeName(AttributeType type) {
    return switch (type) {
      case INT, LONG -> "long";
      case FLOAT, DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      default -> "string";
    };
  }

  private static void addSource(Map<String, Object> props, String sourceId) {
    Set<Object> sources = new LinkedHashSet<>();
    if (props.get("sources") instanceof List<?> given) {
      sources.addAll(given);
    }
    sources.add(sourceId);
    props.put("sources", List.copyOf(sources));
  }

  private static String remove(Map<String, Attribute> attributes, String key) {
    for (String name : List.copyOf(attributes.keySet())) {
      if (name.equalsIgnoreCase(key)) {
        Attribute attribute = attributes.remove(name);
        return attribute == null ? null : attribute.getValue();
      }
    }
    return null;
  }

  /**
   * The lines of node elements by id, and of edge elements in document order; and whether the file
   * is one netmap exported (a GraphML key {@code netmapView}, a GEXF creator {@code netmap}).
   */
  private record Lines(Map<String, Integer> nodes, List<Integer> edges, boolean netmapExport) {}

  private static Lines lines(ImportInput input) throws IOException {
    Map<String, Integer> nodes = new HashMap<>();
    List<Integer> edges = new ArrayList<>();
    boolean netmapExport = false;
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = input.open()) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          if (element.equals("node")) {
            String id = xml.getAttributeValue(null, "id");
            if (id != null) {
              nodes.putIfAbsent(id, xml.getLocation().getLineNumber());
            }
          } else if (element.equals("edge")) {
            edges.add(xml.getLocation().getLineNumber());
          } else if (element.equals("key")) {
            netmapExport |= "netmapView".equals(xml.getAttributeValue(null, "attr.name"));
          } else if (element.equals("creator")) {
            netmapExport |= "netmap".equals(xml.getElementText().strip());
          }
        }
      }
      xml.close();
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new ImportException(
          new ImportProblem(
              new Origin(input.name(), line), null, "not well-formed XML: " + e.getMessage()));
    }
    return new Lines(nodes, edges, netmapExport);
  }
}
