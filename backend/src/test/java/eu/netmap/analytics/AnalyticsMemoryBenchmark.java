package eu.netmap.analytics;

import eu.netmap.graph.DataVersion;
import eu.netmap.importer.ImportFormat;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.Importer;
import eu.netmap.importer.generate.ProgrammeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How much heap the in-JVM analytics hold for a graph of programme data: generated participations
 * ({@code netmap-import generate}) imported into a fresh embedded Neo4j with the NUTS regions, then
 * the heap in use after a full collection measured before and after each step that the analytics
 * cache keeps: the snapshot (every node and relationship read from the store), each view's JGraphT
 * graph and its index arrays, and the hubs (PageRank + betweenness) of each view. Not a unit test
 * (the name does not end in Tests): run with {@code bench/analytics-memory.sh}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
class AnalyticsMemoryBenchmark {

  static final int PARTICIPATIONS = Integer.getInteger("bench.participations", 100_000);
  static final Path DATA_DIR = temp("netmap-membench-");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("netmap.data-dir", DATA_DIR::toString);
    registry.add("netmap.neo4j.embedded.bolt-port", () -> "0");
    registry.add("netmap.seed.enabled", () -> "false");
    registry.add("netmap.regions.load-nuts", () -> "true");
    registry.add("netmap.backup.enabled", () -> "false");
  }

  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  @Autowired AnalyticsService analytics;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  @Test
  void measure() throws Exception {
    Path dir = Files.createTempDirectory("netmap-membench-data-");
    ProgrammeGenerator.Summary generated =
        new ProgrammeGenerator(new ProgrammeGenerator.Settings(PARTICIPATIONS, 42)).write(dir);
    long start = System.nanoTime();
    Importer.prepare(
            ImportFormat.CSV,
            List.of(ImportInput.of(generated.nodes()), ImportInput.of(generated.edges())),
            ImportOptions.defaults())
        .write(driver, Importer.Write.defaults());
    dataVersion.bump();
    System.out.printf(
        "imported %,d participations (%,d organisations, %,d projects) in %.1f s%n",
        PARTICIPATIONS,
        generated.organisations(),
        generated.projects(),
        (System.nanoTime() - start) / 1e9);

    List<Object> held = new ArrayList<>();
    long base = usedAfterGc();
    Snapshot snapshot = analytics.snapshot();
    held.add(snapshot);
    long afterSnapshot = usedAfterGc();
    System.out.printf(
        "%-44s %,12d nodes %,12d rels %10.1f MB%n",
        "snapshot (store read)",
        snapshot.nodes().size(),
        relationships(snapshot),
        mb(afterSnapshot - base));
    long before = afterSnapshot;
    long totalNodes = 0;
    long totalEdges = 0;
    for (View view : View.values()) {
      Graph<String, Tie> graph = snapshot.graph(view);
      snapshot.indexed(view);
      long afterGraph = usedAfterGc();
      int nodes = graph.vertexSet().size();
      int edges = graph.edgeSet().size();
      totalNodes += nodes;
      totalEdges += edges;
      System.out.printf(
          "%-44s %,12d nodes %,12d edges %10.1f MB  %6.0f B/node+edge%n",
          "view " + view.key() + ": JGraphT graph + index arrays",
          nodes,
          edges,
          mb(afterGraph - before),
          (afterGraph - before) / (double) Math.max(1, nodes + edges));
      long t = System.nanoTime();
      held.add(analytics.measure(view, Metric.PAGERANK));
      held.add(analytics.measure(view, Metric.BETWEENNESS));
      long afterHubs = usedAfterGc();
      System.out.printf(
          "%-44s %10.1f MB  (%.1f s)%n",
          "view " + view.key() + ": PageRank + betweenness kept",
          mb(afterHubs - afterGraph),
          (System.nanoTime() - t) / 1e9);
      before = afterHubs;
    }
    System.out.printf(
        "%-44s %,12d nodes %,12d edges %10.1f MB  %6.0f B/node+edge over all views%n",
        "analytics cache in all",
        totalNodes,
        totalEdges,
        mb(before - base),
        (before - base) / (double) Math.max(1, totalNodes + totalEdges));
    System.out.printf(
        "heap: max %.0f MB, in use after GC %.0f MB (Neo4j's own caches included)%n",
        mb(Runtime.getRuntime().maxMemory()), mb(usedAfterGc()));
    held.clear();
  }

  private static long relationships(Snapshot snapshot) {
    return snapshot.graph(View.STORED).edgeSet().size();
  }

  private long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double mb(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  private static Path temp(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
