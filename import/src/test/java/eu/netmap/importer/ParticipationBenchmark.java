package eu.netmap.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;

/**
 * The participation import benchmark of issue 7: a generated table of participations (by default
 * 1,000,000 rows, 200,000 organisations, 100,000 projects) imported into an embedded Neo4j, once
 * the naive way ({@code UNWIND $rows MERGE (a) MERGE (b) MERGE (a)-[:R]->(b)}, batches of 10,000,
 * one transaction each) and once with netmap's streaming import ({@link Importer#prepare}, then
 * {@link PreparedImport#write}), each into a fresh database with the same uniqueness constraints.
 * Prints relationships per second for both, their ratio, the machine's load and the heap used.
 *
 * <p>Run: {@code mvn -B -q -pl import -Pbenchmark test -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.rows=1000000}
 */
public final class ParticipationBenchmark {

  private static final int NAIVE_BATCH = 10_000;

  private ParticipationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : Neo4jWriter.BATCH_SIZE_DEFAULT;
    String mode = args.length > 2 ? args[2] : "both";
    int organisations = rows / 5;
    int projects = rows / 10;
    Path file = Files.createTempFile("participations-", ".csv");
    try {
      long t0 = System.nanoTime();
      generate(file, rows, organisations, projects);
      System.out.printf(
          "Generated %,d rows (%,d organisations, %,d projects), %.0f MB, in %.1f s [load %s]%n",
          rows, organisations, projects, Files.size(file) / 1e6, seconds(t0), load());
      boolean all = mode.equals("both") || mode.equals("all");
      // main: naive over Bolt, netmap over Bolt and embedded (the figures that matter, quicker)
      boolean main = all || mode.equals("main");
      double naive = Double.NaN;
      if (main) {
        try (TestNeo4j db = new TestNeo4j()) {
          System.out.printf("naive import over Bolt starts [load %s]%n", load());
          long start = System.nanoTime();
          long rels = naive(db, file);
          double took = seconds(start);
          naive = rels / took;
          System.out.printf(
              "naive UNWIND/MERGE over Bolt, batches of %,d: %,d relationships in %.1f s = %,.0f"
                  + " rels/s [load %s]%n",
              NAIVE_BATCH, rels, took, naive, load());
        }
      }
      if (all) {
        try (TestNeo4j db = new TestNeo4j()) {
          long start = System.nanoTime();
          long rels = naiveEmbedded(db, file);
          double took = seconds(start);
          System.out.printf(
              "naive UNWIND/MERGE embedded (tx.execute), batches of %,d: %,d relationships in %.1f"
                  + " s = %,.0f rels/s, %.1f× naive over Bolt [load %s]%n",
              NAIVE_BATCH, rels, took, rels / took, rels / took / naive, load());
        }
      } else {
        System.out.println(main ? "naive embedded skipped" : "naive way skipped");
      }
      double bolt = Double.NaN;
      if (main || mode.equals("netmap-only")) {
        try (TestNeo4j db = new TestNeo4j()) {
          bolt = netmap(db, file, ImportDatabase.of(db.driver()), "over Bolt", batchSize, naive);
        }
      }
      try (TestNeo4j db = new TestNeo4j()) {
        double embedded = netmap(db, file, db.embedded(), "embedded", batchSize, naive);
        if (!Double.isNaN(bolt)) {
          System.out.printf("netmap embedded is %.1f× netmap over Bolt%n", embedded / bolt);
        }
        if (Boolean.getBoolean("benchmark.reimport") || rows <= 200_000) {
          long again = System.nanoTime();
          WriteSummary second =
              Importer.prepare(
                      ImportFormat.PARTICIPATION,
                      List.of(ImportInput.of(file)),
                      ImportOptions.defaults().withProgramme("Benchmark"))
                  .write(
                      db.embedded(),
                      new Importer.Write(
                          batchSize, BatchValidator.MAX_PROBLEMS_DEFAULT, false, n -> {}));
          System.out.printf(
              "re-import of the same file, embedded: %s (%.1f s) [load %s]%n",
              second, seconds(again), load());
        }
      }
      if (all) {
        try (TestNeo4j empty = new TestNeo4j()) {
          long floorStart = System.nanoTime();
          double floorTook = floor(empty, rows, organisations, projects);
          System.out.printf(
              "floor over Bolt: the same %,d relationships alone, without properties, ends found"
                  + " by database id, batches of 25,000: %.1f s = %,.0f rels/s, %.1f× the naive"
                  + " rate (all the benchmark: %.1f s) [load %s]%n",
              rows,
              floorTook,
              rows / floorTook,
              rows / floorTook / naive,
              seconds(floorStart),
              load());
        }
      }
      if (mode.equals("all")) {
        try (TestNeo4j empty = new TestNeo4j()) {
          long sameStart = System.nanoTime();
          long rels = naive(empty, file, true);
          double took = seconds(sameStart);
          System.out.printf(
              "naive UNWIND/MERGE storing the same facts as netmap (code, programme, sources):"
                  + " %,d relationships in %.1f s = %,.0f rels/s [load %s]%n",
              rels, took, rels / took, load());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** netmap's import into a fresh database; prints its figures and returns its rate. */
  private static double netmap(
      TestNeo4j db, Path file, ImportDatabase target, String how, int batchSize, double naive) {
    System.gc();
    try (HeapWatch heap = new HeapWatch()) {
      System.out.printf("netmap import %s starts [load %s]%n", how, load());
      long start = System.nanoTime();
      PreparedImport prepared =
          Importer.prepare(
              ImportFormat.PARTICIPATION,
              List.of(ImportInput.of(file)),
              ImportOptions.defaults().withProgramme("Benchmark"));
      double readTook = seconds(start);
      long write = System.nanoTime();
      WriteSummary summary =
          prepared.write(
              target,
              new Importer.Write(batchSize, BatchValidator.MAX_PROBLEMS_DEFAULT, false, n -> {}));
      double writeTook = seconds(write);
      double total = seconds(start);
      double rate = summary.relationshipsCreated() / total;
      System.out.printf(
          "netmap %s, batches of %,d: read + check %.1f s, write (check against the database,"
              + " stage, swap) %.1f s; %s [load %s]%n",
          how, batchSize, readTook, writeTook, summary, load());
      System.out.printf(
          "netmap %s: %,d relationships in %.1f s = %,.0f rels/s, %.1f× the naive rate%n",
          how, summary.relationshipsCreated(), total, rate, rate / naive);
      System.out.printf(
          "heap (%s): max %,d MB; peak in use %,d MB, peak in use after a collection %,d MB%n",
          how,
          Runtime.getRuntime().maxMemory() >> 20,
          heap.peakUsed() >> 20,
          heap.peakLive() >> 20);
      System.out.printf(
          "stored: %,d organisations, %,d projects, %,d PARTICIPATES_IN, %,d staged nodes%n",
          db.count("MATCH (n:Organisation) RETURN count(n)"),
          db.count("MATCH (n:Project) RETURN count(n)"),
          db.count("MATCH ()-[r:PARTICIPATES_IN]->() RETURN count(r)"),
          db.count("MATCH (n:NetmapStaged) RETURN count(n)"));
      return rate;
    }
  }

  /** Rows with distinct organisations per project, in a fixed random order (seed 7). */
  static void generate(Path file, int rows, int organisations, int projects) throws IOException {
    Random random = new Random(7);
    String[] roles = {"partner", "partner", "partner", "associated"};
    int perProject = rows / projects;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("Project ID;Project title;Organisation ID;Organisation name;Role;Amount\r\n");
      for (int p = 0; p < projects; p++) {
        int first = random.nextInt(organisations);
        int step = 1 + random.nextInt(997);
        for (int k = 0; k < perProject; k++) {
          int o = (int) ((first + (long) k * step) % organisations);
          out.write(
              String.format(
                  "2021-1-EU-%06d;Project %d;9%08d;Organisation %d;%s;%d,%02d\r\n",
                  p,
                  p,
                  o,
                  o,
                  k == 0 ? "coordinator" : roles[random.nextInt(roles.length)],
                  1000 + random.nextInt(90_000),
                  random.nextInt(100)));
        }
      }
    }
  }

  /**
   * How fast Neo4j creates the benchmark's relationships at best through Cypher: nodes with an id
   * only are created first (not timed), then the relationships, in file order, without any
   * property, ends found by database id, 25,000 per transaction. No import can beat this.
   *
   * @return the seconds the relationships took
   */
  static double floor(TestNeo4j db, int rows, int organisations, int projects) {
    long[] orgIds = new long[organisations];
    long[] projectIds = new long[projects];
    try (Session session = db.driver().session()) {
      for (int[] spec : new int[][] {{0, organisations}, {1, projects}}) {
        long[] ids = spec[0] == 0 ? orgIds : projectIds;
        String label = spec[0] == 0 ? "Organisation" : "Project";
        for (int i = 0; i < spec[1]; i += 25_000) {
          List<Object> rows0 = new ArrayList<>();
          for (int k = i; k < Math.min(spec[1], i + 25_000); k++) {
            rows0.add(List.of(k, label + k));
          }
          session.executeWriteWithoutResult(
              tx ->
                  tx.run(
                          "UNWIND $rows AS row CREATE (n:"
                              + label
                              + " {id: row[1]})"
                              + " RETURN row[0] AS i, id(n) AS id",
                          Values.parameters("rows", rows0))
                      .forEachRemaining(r -> ids[r.get("i").asInt()] = r.get("id").asLong()));
        }
      }
      long start = System.nanoTime();
      Random random = new Random(7);
      int perProject = rows / projects;
      List<Object> batch = new ArrayList<>();
      for (int p = 0; p < projects; p++) {
        int first = random.nextInt(organisations);
        int step = 1 + random.nextInt(997);
        for (int k = 0; k < perProject; k++) {
          int o = (int) ((first + (long) k * step) % organisations);
          if (k > 0) {
            random.nextInt(4);
          }
          random.nextInt(90_000);
          random.nextInt(100);
          batch.add(List.of(orgIds[o], projectIds[p]));
          if (batch.size() == 25_000) {
            createRelationships(session, batch);
            batch = new ArrayList<>();
          }
        }
      }
      if (!batch.isEmpty()) {
        createRelationships(session, batch);
      }
      return seconds(start);
    }
  }

  private static void createRelationships(Session session, List<Object> batch) {
    session.executeWriteWithoutResult(
        tx ->
            tx.run(
                    "UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0]"
                        + " MATCH (b) WHERE id(b) = row[1] CREATE (a)-[:PARTICIPATES_IN]->(b)",
                    Values.parameters("rows", batch))
                .consume());
  }

  /** The naive way: rows as they come, MERGE everything, one transaction per batch. */
  static long naive(TestNeo4j db, Path file) throws IOException {
    return naive(db, file, false);
  }

  /**
   * The naive way; with {@code sameFacts}, storing what netmap stores (the code, the programme and
   * the file's source on every node and relationship) instead of names, role and amount only.
   */
  static long naive(TestNeo4j db, Path file, boolean sameFacts) throws IOException {
    String query =
        sameFacts
            ? """
            UNWIND $rows AS row
            MERGE (a:Organisation {id: row.org})
              SET a.name = row.orgName, a.code = row.orgCode, a.sources = $sources
            MERGE (b:Project {id: row.project})
              SET b.name = row.projectName, b.code = row.projectCode, b.programme = 'Benchmark',
                b.sources = $sources
            MERGE (a)-[r:PARTICIPATES_IN]->(b)
              SET r.role = row.role, r.amount = row.amount, r.sources = $sources
            """
            : """
            UNWIND $rows AS row
            MERGE (a:Organisation {id: row.org}) SET a.name = row.orgName
            MERGE (b:Project {id: row.project}) SET b.name = row.projectName
            MERGE (a)-[r:PARTICIPATES_IN]->(b) SET r.role = row.role, r.amount = row.amount
            """;
    long count = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        Session session = db.driver().session()) {
      List<Map<String, Object>> batch = new ArrayList<>(NAIVE_BATCH);
      CSVFormat format =
          CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord record : format.parse(reader)) {
        Map<String, Object> row = new HashMap<>();
        row.put("project", record.get(0));
        row.put("projectName", record.get(1));
        row.put("org", record.get(2));
        row.put("orgName", record.get(3));
        row.put("role", record.get(4));
        row.put("amount", Double.parseDouble(record.get(5).replace(',', '.')));
        if (sameFacts) {
          row.put("orgCode", record.get(2));
          row.put("projectCode", record.get(0));
        }
        batch.add(row);
        if (batch.size() == NAIVE_BATCH) {
          count += write(session, query, batch);
          batch = new ArrayList<>(NAIVE_BATCH);
        }
      }
      if (!batch.isEmpty()) {
        count += write(session, query, batch);
      }
    }
    return count;
  }

  /** The naive way inside the process: the same statement through {@code tx.execute}. */
  static long naiveEmbedded(TestNeo4j db, Path file) throws IOException {
    String query =
        """
        UNWIND $rows AS row
        MERGE (a:Organisation {id: row.org}) SET a.name = row.orgName
        MERGE (b:Project {id: row.project}) SET b.name = row.projectName
        MERGE (a)-[r:PARTICIPATES_IN]->(b) SET r.role = row.role, r.amount = row.amount
        """;
    long count = 0;
    org.neo4j.graphdb.GraphDatabaseService database = db.database();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<Map<String, Object>> batch = new ArrayList<>(NAIVE_BATCH);
      CSVFormat format =
          CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord record : format.parse(reader)) {
        Map<String, Object> row = new HashMap<>();
        row.put("project", record.get(0));
        row.put("projectName", record.get(1));
        row.put("org", record.get(2));
        row.put("orgName", record.get(3));
        row.put("role", record.get(4));
        row.put("amount", Double.parseDouble(record.get(5).replace(',', '.')));
        batch.add(row);
        if (batch.size() == NAIVE_BATCH) {
          database.executeTransactionally(query, Map.of("rows", batch));
          count += batch.size();
          batch = new ArrayList<>(NAIVE_BATCH);
        }
      }
      if (!batch.isEmpty()) {
        database.executeTransactionally(query, Map.of("rows", batch));
        count += batch.size();
      }
    }
    return count;
  }

  private static long write(Session session, String query, List<Map<String, Object>> batch) {
    session.executeWriteWithoutResult(
        tx ->
            tx.run(
                    query,
                    Values.parameters(
                        "rows", batch, "sources", List.of("src-file-participations-csv")))
                .consume());
    return batch.size();
  }

  /** The machine's load averages (1, 5, 15 minutes), as the kernel reports them. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * Samples the heap every 20 ms: the most in use at any time (garbage included) and the most still
   * in use right after a collection (what the import really holds).
   */
  static final class HeapWatch implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakLive;

    HeapWatch() {
      System.gc();
      thread =
          new Thread(
              () -> {
                var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans();
                while (running) {
                  Runtime runtime = Runtime.getRuntime();
                  peakUsed = Math.max(peakUsed, runtime.totalMemory() - runtime.freeMemory());
                  long live = 0;
                  for (var pool : pools) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP
                        && pool.getCollectionUsage() != null) {
                      live += pool.getCollectionUsage().getUsed();
                    }
                  }
                  peakLive = Math.max(peakLive, live);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-watch");
      thread.setDaemon(true);
      thread.start();
    }

    long peakUsed() {
      return peakUsed;
    }

    long peakLive() {
      return peakLive;
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
