package eu.netmap.importer.nuts;

import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.RelationshipRecord;
import eu.netmap.importer.SourceNodes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Reads a NUTS region list as Region nodes ({@code nuts-ith2}, with {@code nuts}, {@code level},
 * {@code country}, {@code name}) tied to their parent region by PART_OF (the parent of a code is
 * the code without its last character).
 */
public final class NutsReader {

  private NutsReader() {}

  /** The NUTS 2021 list shipped in this module, citing Eurostat GISCO. */
  public static GraphBatch readBundled() {
    NutsRegions regions = NutsRegions.bundled();
    GraphBatch batch = new GraphBatch();
    batch.add(NutsRegions.sourceNode());
    addAll(regions, batch, NutsRegions.SOURCE_ID);
    return batch;
  }

  /** A NUTS list in the GISCO layout, citing the file (or the source the options name). */
  public static GraphBatch read(ImportInput input, ImportOptions options) throws IOException {
    NutsRegions regions;
    try (InputStream in = input.open()) {
      regions = NutsRegions.read(in, input.name(), options);
    }
    GraphBatch batch = new GraphBatch();
    String sourceId = SourceNodes.cite(input, options, batch);
    addAll(regions, batch, sourceId);
    return batch;
  }

  private static void addAll(NutsRegions regions, GraphBatch batch, String sourceId) {
    for (NutsRegions.Region region : regions.all()) {
      NodeRecord node = NutsRegions.node(region, sourceId);
      batch.add(node);
    }
    for (NutsRegions.Region region : regions.all()) {
      if (region.parentCode() != null && regions.byCode(region.parentCode()) != null) {
        batch.add(
            new RelationshipRecord(
                region.id(),
                "PART_OF",
                regions.byCode(region.parentCode()).id(),
                Map.of("sources", List.of(sourceId)),
                region.origin()));
      }
    }
  }
}
