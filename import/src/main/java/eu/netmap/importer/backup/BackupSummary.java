package eu.netmap.importer.backup;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup holds, as its header says and its lines confirm.
 *
 * @param netmapVersion the netmap version that wrote it
 * @param createdAt when it was written (ISO-8601, UTC)
 * @param nodes how many nodes
 * @param relationships how many relationships
 * @param labels nodes per label
 * @param types relationships per type
 */
public record BackupSummary(
    String netmapVersion,
    String createdAt,
    long nodes,
    long relationships,
    Map<String, Long> labels,
    Map<String, Long> types) {

  public BackupSummary {
    // sorted, so that answers and logs list labels and types the same way every time
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    types = Collections.unmodifiableMap(new TreeMap<>(types));
  }

  @Override
  public String toString() {
    return nodes + " nodes and " + relationships + " relationships";
  }
}
