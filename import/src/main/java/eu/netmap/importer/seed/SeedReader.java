package eu.netmap.importer.seed;

import eu.netmap.importer.Fields;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Origin;
import eu.netmap.importer.Problems;
import eu.netmap.importer.RelationshipRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the curated dataset format: a YAML file with three lists, {@code sources}, {@code nodes}
 * and {@code relationships}, every entry a flat map. Every fact keeps the line it was written on,
 * so errors point at {@code file:line}.
 *
 * <p>Scalars are kept as text except integers and booleans, so that dates stay exactly as written
 * ("2011-11-05", "2017").
 */
public final class SeedReader {

  /** The curated seed dataset shipped in this module. */
  public static final String SEED_RESOURCE = "/seed/netmap-seed.yaml";

  /** The file name errors name for the shipped seed dataset. */
  public static final String SEED_FILE = "import/src/main/resources/seed/netmap-seed.yaml";

  /** Reads the seed dataset shipped in this module. */
  public static GraphBatch readBundledSeed() {
    try (InputStream in = SeedReader.class.getResourceAsStream(SEED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "seed dataset " + SEED_RESOURCE + " is not on the classpath");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), SEED_FILE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read seed dataset: " + e.getMessage(), e);
    }
  }

  /** Reads a dataset in the seed format; {@code file} is the name used in error messages. */
  public static GraphBatch read(Reader reader, String file) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ImportException(
          new ImportProblem(new Origin(file, line), null, "not valid YAML: " + e.getProblem()));
    }
    List<ImportProblem> problems = new ArrayList<>();
    GraphBatch batch = new GraphBatch();
    if (!(root instanceof MappingNode top)) {
      throw new ImportException(
          new ImportProblem(
              new Origin(file, 1), null, "expected a map with sources, nodes, relationships"));
    }
    for (NodeTuple section : top.getValue()) {
      String key = scalar(section.getKeyNode());
      Node value = section.getValueNode();
      if (!List.of("sources", "nodes", "relationships").contains(key)) {
        problems.add(
            problem(
                file,
                section.getKeyNode(),
                key,
                "unknown section; expected sources, nodes or relationships"));
        continue;
      }
      if (!(value instanceof SequenceNode list)) {
        problems.add(problem(file, value, key, "expected a list"));
        continue;
      }
      for (Node entry : list.getValue()) {
        Origin origin = new Origin(file, entry.getStartMark().getLine() + 1);
        Map<String, Object> fields = flatMap(entry, file, problems);
        if (fields == null) {
          continue;
        }
        switch (key) {
          case "sources" -> batch.add(source(fields, origin));
          case "nodes" -> batch.add(node(fields, origin));
          default -> batch.add(relationship(fields, origin));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    return batch;
  }

  private static NodeRecord source(Map<String, Object> fields, Origin origin) {
    String id = text(fields.remove("id"));
    fields.remove("label");
    return new NodeRecord(id, GraphModel.SOURCE, fields, origin);
  }

  private static NodeRecord node(Map<String, Object> fields, Origin origin) {
    String id = text(fields.remove("id"));
    String label = text(fields.remove("label"));
    return new NodeRecord(id, label, fields, origin);
  }

  private static RelationshipRecord relationship(Map<String, Object> fields, Origin origin) {
    String from = text(fields.remove("from"));
    String type = text(fields.remove("type"));
    String to = text(fields.remove("to"));
    return new RelationshipRecord(from, type, to, fields, origin);
  }

  private static Map<String, Object> flatMap(
      Node entry, String file, List<ImportProblem> problems) {
    if (!(entry instanceof MappingNode map)) {
      problems.add(problem(file, entry, null, "expected a map of fields"));
      return null;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      String key = scalar(tuple.getKeyNode());
      Node value = tuple.getValueNode();
      if (value instanceof ScalarNode scalarValue) {
        Object converted = convert(scalarValue);
        if (converted instanceof String text
            && (Fields.INTEGERS.contains(key) || Fields.DECIMALS.contains(key))) {
          // a count or amount written as text ("2022") is stored as a number, as every other
          // reader stores it
          Problems found = new Problems(1);
          converted = Fields.value(key, text, null, key, found);
          if (found.hasErrors()) {
            problems.add(problem(file, value, key, found.errors().get(0).message()));
          }
        }
        if (converted != null) {
          fields.put(key, converted);
        }
      } else if (value instanceof SequenceNode seq) {
        List<Object> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          if (item instanceof ScalarNode scalarItem) {
            items.add(convert(scalarItem));
          } else {
            problems.add(problem(file, item, key, "lists may hold only plain values"));
          }
        }
        fields.put(key, items);
      } else {
        problems.add(problem(file, value, key, "nested maps are not allowed; use flat fields"));
      }
    }
    return fields;
  }

  private static Object convert(ScalarNode node) {
    String value = node.getValue();
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.INT.equals(tag)) {
      try {
        return Long.parseLong(value.replace("_", ""));
      } catch (NumberFormatException e) {
        return value;
      }
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(value);
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static ImportProblem problem(String file, Node node, String field, String message) {
    return new ImportProblem(new Origin(file, node.getStartMark().getLine() + 1), field, message);
  }

  private SeedReader() {}
}
