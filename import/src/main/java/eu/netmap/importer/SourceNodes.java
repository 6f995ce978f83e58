package eu.netmap.importer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Source node an imported file's facts cite: the one named in the options, or else one made for
 * the file itself, so that every fact in the graph says where it came from.
 */
public final class SourceNodes {

  private SourceNodes() {}

  /**
   * The id of the source the facts of this input cite; when the options name none, a Source node
   * for the file ({@code src-file-<file name>}) is added to the batch.
   */
  public static String cite(ImportInput input, ImportOptions options, GraphSink batch) {
    if (options.sourceId() != null) {
      return options.sourceId();
    }
    String id = "src-file-" + Slugs.slug(input.fileName());
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", input.fileName());
    props.put("file", input.fileName());
    batch.add(new NodeRecord(id, GraphModel.SOURCE, props, new Origin(input.name(), 1)));
    return id;
  }
}
