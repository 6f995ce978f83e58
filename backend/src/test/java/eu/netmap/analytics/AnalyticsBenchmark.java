package eu.netmap.analytics;

import eu.netmap.graph.DataVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.generate.BarabasiAlbertGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (its name keeps it out of the normal build). Generates a Barabási–Albert
 * graph (100,000 nodes, m = 5, ~500,000 edges, seed 42) into a fresh embedded Neo4j, reads the
 * snapshot and times the analytics on it, then times python-igraph on the same edge list and prints
 * each ratio netmap/igraph. Run it with {@code bench/analytics.sh} (see BENCHMARKS.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class AnalyticsBenchmark {

  static final int NODES = Integer.getInteger("bench.nodes", 100_000);
  static final int EDGES_PER_NODE = 5;
  static final int EXACT_NODES = Integer.getInteger("bench.exactNodes", 10_000);
  static final int PIVOTS = 100;
  static final long SEED = 42;
  static final int BATCH = 20_000;

  static final Path DATA_DIR = temp("netmap-bench-");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("netmap.data-dir", DATA_DIR::toString);
    registry.add("netmap.neo4j.embedded.bolt-port", () -> "0");
    registry.add("netmap.seed.enabled", () -> "false");
  }

  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  @Autowired SnapshotReader reader;
  @Autowired AnalyticsService analytics;

  private final Map<String, Double> netmap = new LinkedHashMap<>();
  private final Map<String, Double> netmapCpu = new LinkedHashMap<>();

  @Test
  void benchmark() throws Exception {
    Graph<Integer, DefaultEdge> ba = barabasiAlbert(NODES);
    int[][] edges = edges(ba);
    long start = System.nanoTime();
    write(edges);
    System.out.printf(
        "wrote BA graph: %d nodes, %d edges into Neo4j in %.1f s%n",
        NODES, edges.length, (System.nanoTime() - start) / 1e9);
    dataVersion.bump();

    // warm the JIT on a first read, then time the second
    // the first read warms the JIT and Neo4j's page cache; the later ones are timed (each after a
    // data-version bump, so the cache is missed and the store really read)
    long cold = System.nanoTime();
    analytics.snapshot();
    System.out.printf(
        "%-34s %8.3f s%n", "snapshot read (first, cold)", (System.nanoTime() - cold) / 1e9);
    Snapshot snapshot =
        time(
            "snapshot read",
            () -> {
              dataVersion.bump();
              return analytics.snapshot();
            });
    // the two ways of reading the rows, in the same run: through Bolt + Cypher (how the snapshot
    // was read before, and still is on an external server) and through the embedded Java API
    time(
        "snapshot rows via driver",
        () -> {
          reader.readRaw(false, new ArrayList<>(), new ArrayList<>());
          return null;
        });
    time(
        "snapshot rows via Java API",
        () -> {
          reader.readRaw(true, new ArrayList<>(), new ArrayList<>());
          return null;
        });
    // the whole way from the store to a JGraphT graph: rows, snapshot, the stored view
    time(
        "snapshot into JGraphT (stored view)",
        () -> {
          dataVersion.bump();
          return analytics.snapshot().graph(View.STORED);
        });
    Graph<String, Tie> graph = snapshot.graph(View.STORED);
    IndexedGraph<String> indexed = time("index arrays", () -> IndexedGraph.of(graph));

    time("pagerank", () -> new WeightedPageRank<>(indexed).scores());
    time("pagerank (JGraphT)", () -> new PageRank<>(graph, 0.85, 1000, 1e-10).getScores());
    time("components", () -> new Components<>(indexed).components());
    time("components (JGraphT)", () -> new ConnectivityInspector<>(graph).connectedSets());
    time("cut vertices + bridges", () -> new Biconnectivity<>(indexed).bridges());
    time("louvain", () -> new Louvain<>(indexed).getClustering());
    time("constraint", () -> new StructuralHoles<>(indexed).constraint());
    time(
        "betweenness k=" + PIVOTS,
        () -> new ShortestPathCentrality<>(indexed, PIVOTS, new Random(SEED)).betweenness());

    Graph<Integer, DefaultEdge> small = barabasiAlbert(EXACT_NODES);
    int[][] smallEdges = edges(small);
    IndexedGraph<Integer> smallIndexed = IndexedGraph.of(small);
    time(
        "betweenness exact " + EXACT_NODES,
        () -> new ShortestPathCentrality<>(smallIndexed).betweenness());

    Path big = writeEdges("ba-" + NODES, edges);
    Path little = writeEdges("ba-" + EXACT_NODES, smallEdges);
    Map<String, Double> igraph = igraph(big, little);
    System.out.println();
    System.out.println(
        "\nWall-clock times are the fastest of up to 3 runs; CPU times are the calling thread's"
            + " (netmap) and the process's (igraph), much less disturbed by other work on the"
            + " machine. Ratios are netmap/igraph.");
    System.out.printf(
        "%-34s %10s %10s %10s %10s %8s %8s%n",
        "measure (" + NODES + " nodes)", "netmap s", "cpu s", "igraph s", "cpu s", "ratio", "cpu");
    netmap.forEach(
        (name, seconds) -> {
          Double other = igraph.get(name);
          Double otherCpu = igraph.get(name + " cpu");
          Double cpu = netmapCpu.get(name);
          System.out.printf(
              "%-34s %10.3f %10.3f %10s %10s %8s %8s%n",
              name,
              seconds,
              cpu,
              other == null ? "-" : String.format("%.3f", other),
              otherCpu == null ? "-" : String.format("%.3f", otherCpu),
              other == null || other == 0 ? "-" : String.format("%.2f", seconds / other),
              otherCpu == null || otherCpu == 0 ? "-" : String.format("%.2f", cpu / otherCpu));
        });
    igraph.forEach(
        (name, seconds) -> {
          if (!netmap.containsKey(name) && !name.endsWith(" cpu")) {
            System.out.printf("%-34s %10s %10s %10.3f%n", name, "-", "-", seconds);
          }
        });
  }

  /**
   * Times {@code work}, repeated while the runs stay short (at most 3 runs, stopping once 5 s are
   * spent), and records the fastest run, as igraph_bench.py does for igraph: on a shared machine
   * the minimum is the least noisy figure, and the first run includes the JIT's warm-up.
   */
  private <T> T time(String name, Supplier<T> work) {
    T result = null;
    double best = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double spent = 0;
    StringBuilder runs = new StringBuilder();
    for (int run = 0; run < 3 && spent < 5; run++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      result = work.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
      best = Math.min(best, seconds);
      spent += seconds;
      runs.append(runs.isEmpty() ? "" : ", ").append(String.format("%.3f", seconds));
    }
    netmap.put(name, best);
    netmapCpu.put(name, bestCpu);
    System.out.printf("%-34s %8.3f s, cpu %8.3f s (runs: %s)%n", name, best, bestCpu, runs);
    return result;
  }

  static Graph<Integer, DefaultEdge> barabasiAlbert(int n) {
    Graph<Integer, DefaultEdge> graph =
        new SimpleGraph<>(SupplierUtil.createIntegerSupplier(), DefaultEdge::new, false);
    new BarabasiAlbertGraphGenerator<Integer, DefaultEdge>(
            EDGES_PER_NODE + 1, EDGES_PER_NODE, n, new Random(SEED))
        .generateGraph(graph);
    return graph;
  }

  static int[][] edges(Graph<Integer, DefaultEdge> graph) {
    List<int[]> list = new ArrayList<>(graph.edgeSet().size());
    for (DefaultEdge e : graph.edgeSet()) {
      list.add(new int[] {graph.getEdgeSource(e), graph.getEdgeTarget(e)});
    }
    return list.toArray(new int[0][]);
  }

  private void write(int[][] edges) {
    try (Session session = driver.session()) {
      for (int from = 0; from < NODES; from += BATCH) {
        session
            .run(
                "UNWIND range($from, $to - 1) AS i CREATE (:Organisation {id: 'ba-' + i, name: 'BA"
                    + " ' + i})",
                Map.of("from", from, "to", Math.min(NODES, from + BATCH)))
            .consume();
      }
      for (int from = 0; from < edges.length; from += BATCH) {
        List<List<String>> pairs = new ArrayList<>();
        for (int i = from; i < Math.min(edges.length, from + BATCH); i++) {
          pairs.add(List.of("ba-" + edges[i][0], "ba-" + edges[i][1]));
        }
        session
            .run(
                "UNWIND $pairs AS p MATCH (a:Organisation {id: p[0]}), (b:Organisation {id: p[1]})"
                    + " CREATE (a)-[:TIED_TO]->(b)",
                Map.of("pairs", pairs))
            .consume();
      }
    }
  }

  private static Path writeEdges(String name, int[][] edges) throws IOException {
    Path file = DATA_DIR.resolve(name + ".edges");
    StringBuilder text = new StringBuilder(edges.length * 14);
    for (int[] e : edges) {
      text.append(e[0]).append(' ').append(e[1]).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    return file;
  }

  /** Runs bench/igraph_bench.py with a Python that has igraph; empty when none has. */
  private static Map<String, Double> igraph(Path big, Path little) throws Exception {
    Map<String, Double> times = new LinkedHashMap<>();
    Path script = Path.of("src/test/python/igraph_bench.py").toAbsolutePath();
    for (String python : List.of("python3", "/usr/bin/python3")) {
      Process process =
          new ProcessBuilder(python, script.toString(), big.toString(), little.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() == 0) {
        for (String line : output.split("\n")) {
          String[] parts = line.split("\t");
          if (parts.length == 2) {
            times.put(parts[0], Double.parseDouble(parts[1]));
          } else if (!line.isBlank()) {
            System.out.println("igraph: " + line);
          }
        }
        return times;
      }
      System.out.println(python + ": " + output.lines().reduce((a, b) -> b).orElse(""));
    }
    System.out.println("python-igraph not found (apt-get install -y python3-igraph): no ratios");
    return times;
  }

  private static Path temp(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
