package eu.netmap.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Stores a validated import in Neo4j, all or nothing, and so that storing it twice changes nothing.
 *
 * <p>Nodes the database does not hold yet, and relationships touching one of them, are facts that
 * cannot exist yet: they are written in batched {@code UNWIND … CREATE} statements, one short
 * transaction each, into the {@link Staging staging area}, while the input is still being read on
 * the caller's thread. Relationship ends are found by the database id each new node got when
 * created (the cheapest lookup Neo4j has), or by label and id (the uniqueness constraint's index)
 * for stored nodes. Facts about stored nodes, whose changes readers must see all at once, are
 * compared and merged in the swap transaction that also makes the staged nodes visible; only they
 * pay for {@code MERGE} and for telling updated from unchanged. {@code sources} lists are merged,
 * never replaced, so a fact keeps every source that ever supported it.
 *
 * <p>The database is an {@link ImportDatabase}: over Bolt the staging goes through the Cypher
 * statements of {@code Stager}; into a database embedded in this process it goes through Neo4j's
 * Java API ({@link EmbeddedStager}). Everything else (lookups, lock, swap, stored facts, dry run)
 * is the same Cypher either way, so both give the same graph.
 */
public final class Neo4jWriter {

  /** Rows sent in one UNWIND statement (and one staging transaction). */
  public static final int BATCH_SIZE_DEFAULT = 10_000;

  /** Facts about stored nodes kept in memory for the swap; beyond it the input is read again. */
  static final int STORED_FACTS_IN_MEMORY = 50_000;

  private static final boolean TRACE = Boolean.getBoolean("netmap.trace");

  private final ImportDatabase database;
  private final int batchSize;
  private final int storedFactsInMemory;

  public Neo4jWriter(Driver driver) {
    this(ImportDatabase.of(driver));
  }

  public Neo4jWriter(Driver driver, int batchSize) {
    this(ImportDatabase.of(driver), batchSize);
  }

  /** A writer into a database over Bolt or embedded in this process. */
  public Neo4jWriter(ImportDatabase database) {
    this(database, BATCH_SIZE_DEFAULT);
  }

  public Neo4jWriter(ImportDatabase database, int batchSize) {
    this(database, batchSize, STORED_FACTS_IN_MEMORY);
  }

  Neo4jWriter(Driver driver, int batchSize, int storedFactsInMemory) {
    this(ImportDatabase.of(driver), batchSize, storedFactsInMemory);
  }

  Neo4jWriter(ImportDatabase database, int batchSize, int storedFactsInMemory) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    this.database = database;
    this.batchSize = batchSize;
    this.storedFactsInMemory = storedFactsInMemory;
  }

  /** Validates the batch against the model and the database, then stores it. */
  public WriteSummary validateAndWrite(GraphBatch batch, boolean requireSources) {
    BatchValidator.Check check = new BatchValidator().check(requireSources);
    batch.emit(check);
    check.finish(this::existingLabels);
    return write(batch, check.nodes(), n -> {}, false);
  }

  /**
   * Stores an already validated batch.
   *
   * @param progress told how many rows (nodes + relationships) have been sent so far
   */
  public WriteSummary write(GraphBatch batch, LongConsumer progress) {
    return write(batch, progress, false);
  }

  /**
   * Stores an already validated batch, or with {@code dryRun} tells exactly what storing it would
   * change and stores nothing.
   *
   * @param progress told how many rows (nodes + relationships) have been sent so far
   */
  public WriteSummary write(GraphBatch batch, LongConsumer progress, boolean dryRun) {
    BatchValidator.Check check = new BatchValidator().check(false);
    batch.emit(check);
    check.finish(this::existingLabels);
    return write(batch, check.nodes(), progress, dryRun);
  }

  /**
   * Stores a validated input, streamed from its source a second time: all of it or, if anything
   * fails or the process is killed, nothing. With {@code dryRun} nothing is written and the summary
   * tells what would change: new nodes and relationships are counted, facts about stored nodes
   * compared with what the database holds.
   *
   * @param source the input, read again (it must give the records it gave to the validation)
   * @param nodes the nodes numbered by the validation
   * @param progress told how many rows (nodes + relationships) have been sent so far
   */
  public WriteSummary write(
      GraphSource source, ImportNodes nodes, LongConsumer progress, boolean dryRun) {
    long start = System.nanoTime();
    long[] counts = new long[6];
    if (dryRun) {
      classify(nodes);
      {
        StoredFacts stored =
            new StoredFacts(
                batchSize,
                (query, chunk) ->
                    count(
                        database.read(query.compare(), Map.of("rows", chunk.rows())),
                        chunk,
                        counts,
                        query.compare()));
        emit(
            source,
            new GraphSink() {
              @Override
              public void add(NodeRecord node) {
                int index = known(nodes, node.id());
                if (nodes.isNew(index)) {
                  counts[0]++;
                } else {
                  stored.add(node, nodes, index);
                }
              }

              @Override
              public void add(RelationshipRecord rel) {
                int from = known(nodes, rel.from());
                int to = known(nodes, rel.to());
                if (nodes.isNew(from) || nodes.isNew(to)) {
                  counts[3]++;
                } else {
                  stored.add(rel, nodes, from, to);
                }
              }
            });
        stored.flush();
      }
      return summary(counts, start);
    }
    long t = System.nanoTime();
    try (Staging staging = Staging.begin(database)) {
      trace(t, 0, "lock and clean-up");
      try {
        t = System.nanoTime();
        classify(nodes);
        trace(t, nodes.size(), "classify");
        t = System.nanoTime();
        StagingSink stager =
            database instanceof BoltDatabase bolt
                ? new Stager(bolt.driver(), nodes, counts, progress)
                : new EmbeddedStager(
                    ((EmbeddedDatabase) database).database(),
                    nodes,
                    counts,
                    progress,
                    batchSize,
                    StoredFacts.kept(storedFactsInMemory));
        try {
          emit(source, stager);
          trace(t, 0, "read again");
          stager.finish();
          trace(t, 0, "stage");
        } finally {
          stager.stop();
        }
        swap(source, nodes, stager, counts);
      } catch (RuntimeException | Error e) {
        try {
          staging.discard();
        } catch (RuntimeException cleanUpFailed) {
          e.addSuppressed(cleanUpFailed);
        }
        throw e;
      }
    }
    return summary(counts, start);
  }

  /** The labels of those of the given ids that exist in the database. */
  public Map<String, String> existingLabels(Set<String> ids) {
    Map<String, String> labels = new HashMap<>();
    if (ids.isEmpty()) {
      return labels;
    }
    List<String> all = List.copyOf(ids);
    for (String label : GraphModel.LABELS) {
      for (int i = 0; i < all.size(); i += batchSize) {
        List<String> chunk = all.subList(i, Math.min(all.size(), i + batchSize));
        database
            .read(
                "UNWIND $ids AS id MATCH (n:`" + label + "` {id: id}) RETURN id",
                Map.of("ids", chunk))
            .forEach(r -> labels.putIfAbsent((String) r.get("id"), label));
      }
    }
    return labels;
  }

  /** Marks the nodes of the input the database already holds under the same label. */
  private void classify(ImportNodes nodes) {
    Map<String, List<String>> chunks = new HashMap<>();
    {
      // a label the database holds no node of needs no lookups (the count comes from a store)
      Set<String> empty = new java.util.HashSet<>();
      for (String label : GraphModel.LABELS) {
        long stored =
            ((Number)
                    database
                        .read("MATCH (n:`" + label + "`) RETURN count(n) AS n", Map.of())
                        .get(0)
                        .get("n"))
                .longValue();
        if (stored == 0) {
          empty.add(label);
        }
      }
      for (int i = 0; i < nodes.size(); i++) {
        String label = nodes.label(i);
        if (label == null || !nodes.is(i, ImportNodes.DEFINED) || empty.contains(label)) {
          continue;
        }
        List<String> chunk = chunks.computeIfAbsent(label, k -> new ArrayList<>());
        chunk.add(nodes.id(i));
        if (chunk.size() == batchSize) {
          markStored(nodes, label, chunk);
          chunk.clear();
        }
      }
      chunks.forEach((label, chunk) -> markStored(nodes, label, chunk));
    }
  }

  private void markStored(ImportNodes nodes, String label, List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    database
        .read("UNWIND $ids AS id MATCH (n:`" + label + "` {id: id}) RETURN id", Map.of("ids", ids))
        .forEach(r -> nodes.set(nodes.find((String) r.get("id")), ImportNodes.STORED));
  }

  /**
   * The last transaction: gives the staged nodes their labels and applies the changes to stored
   * facts, so that readers see the whole import at once.
   */
  private void swap(GraphSource source, ImportNodes nodes, StagingSink stager, long[] counts) {
    long t = System.nanoTime();
    try (ImportDatabase.Tx tx = database.begin()) {
      for (String label : GraphModel.LABELS) {
        long expected = stager.created().getOrDefault(label, 0L);
        if (expected == 0) {
          continue;
        }
        String staged = Staging.stagedLabel(label);
        long relabelled =
            tx instanceof EmbeddedDatabase.EmbeddedTx embedded
                ? EmbeddedStager.relabel(embedded.transaction(), nodes, label)
                : ((Number)
                        tx.run(
                                "MATCH (n:`%1$s`) SET n:`%2$s` REMOVE n:%3$s:`%1$s` RETURN count(n) AS n"
                                    .formatted(staged, label, GraphModel.STAGED),
                                Map.of())
                            .get(0)
                            .get("n"))
                    .longValue();
        if (relabelled != expected) {
          throw changedMeanwhile(
              expected + " new " + label + " nodes were staged, " + relabelled + " are left");
        }
      }
      StoredFacts stored =
          new StoredFacts(
              batchSize,
              (query, chunk) ->
                  count(
                      tx.run(query.write(), Map.of("rows", chunk.rows())),
                      chunk,
                      counts,
                      query.write()));
      if (stager.stored().overflowed()) {
        emit(
            source,
            new GraphSink() {
              @Override
              public void add(NodeRecord node) {
                int index = known(nodes, node.id());
                if (!nodes.isNew(index)) {
                  stored.add(node, nodes, index);
                }
              }

              @Override
              public void add(RelationshipRecord rel) {
                int from = known(nodes, rel.from());
                int to = known(nodes, rel.to());
                if (!nodes.isNew(from) && !nodes.isNew(to)) {
                  stored.add(rel, nodes, from, to);
                }
              }
            });
      } else {
        stager.stored().replayInto(stored);
      }
      stored.flush();
      tx.commit();
    }
    trace(t, 0, "swap");
  }

  /** Adds up the (status, n) rows a statement about stored facts returned. */
  private static void count(
      List<Map<String, Object>> records, StoredFacts.Chunk chunk, long[] counts, String query) {
    long t = System.nanoTime();
    long matched = 0;
    for (Map<String, Object> record : records) {
      long n = ((Number) record.get("n")).longValue();
      counts[chunk.offset() + ((Number) record.get("status")).intValue()] += n;
      matched += n;
    }
    if (matched != chunk.rows().size()) {
      throw changedMeanwhile(
          (chunk.rows().size() - matched) + " stored nodes were deleted by someone else");
    }
    trace(t, chunk.rows().size(), query);
  }

  static ImportException changedMeanwhile(String what) {
    return new ImportException(
        new ImportProblem(
            null,
            null,
            "the database changed while the import ran ("
                + what
                + "); nothing was written, run the import again"));
  }

  /** The number of a node the validation saw; an unknown one means the input changed since. */
  static int known(ImportNodes nodes, String id) {
    int index = nodes.find(id);
    if (index < 0) {
      throw new ImportException(
          new ImportProblem(
              null,
              null,
              "the input changed while it was imported ('"
                  + id
                  + "' was not there when it was checked); nothing was written"));
    }
    return index;
  }

  private static void emit(GraphSource source, GraphSink sink) {
    try {
      source.emit(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WriteSummary summary(long[] counts, long start) {
    return new WriteSummary(
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[5],
        (System.nanoTime() - start) / 1_000_000);
  }

  static void trace(long since, int rows, String query) {
    if (TRACE) {
      System.err.printf(
          "%6d rows %7.0f ms %s%n",
          rows,
          (System.nanoTime() - since) / 1e6,
          query
              .strip()
              .lines()
              .filter(l -> l.contains("CREATE") || l.contains("MATCH"))
              .findFirst()
              .orElse(query.strip().lines().findFirst().orElse("")));
    }
  }

  static Map<String, Object> withId(String id, Map<String, Object> properties) {
    Map<String, Object> props = new HashMap<>(properties);
    props.put("id", id);
    return props;
  }

  private static Map<String, Object> withoutSources(Map<String, Object> properties) {
    if (!properties.containsKey("sources")) {
      return properties;
    }
    Map<String, Object> copy = new HashMap<>(properties);
    copy.remove("sources");
    return copy;
  }

  /**
   * Facts about nodes the database holds: node properties and relationships between stored nodes.
   * They are compared with what is stored and merged, in chunks of one statement each.
   */
  static final class StoredFacts {

    /** The statements for one kind of fact: compare only (dry run), or compare and write. */
    record Statement(String compare, String write) {}

    /** Rows for one statement, and where in the counts its statuses go (0 nodes, 3 edges). */
    record Chunk(List<Map<String, Object>> rows, int offset) {}

    interface Runner {
      void run(Statement statement, Chunk chunk);
    }

    private final int batchSize;
    private final Runner runner;
    private final Map<List<String>, List<Map<String, Object>>> buffers = new LinkedHashMap<>();
    private final int limit;
    private int buffered;
    private boolean overflowed;

    /** Facts run in chunks as soon as a chunk is full. */
    StoredFacts(int batchSize, Runner runner) {
      this(batchSize, runner, Integer.MAX_VALUE);
    }

    private StoredFacts(int batchSize, Runner runner, int limit) {
      this.batchSize = batchSize;
      this.runner = runner;
      this.limit = limit;
    }

    /** Facts kept (up to a limit) for later, to be replayed into a running one. */
    static StoredFacts kept(int limit) {
      return new StoredFacts(Integer.MAX_VALUE, null, limit);
    }

    void add(NodeRecord node, ImportNodes nodes, int index) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", node.id());
      row.put("props", withoutSources(withId(node.id(), node.properties())));
      row.put("sources", node.sources());
      add(List.of("node", node.label()), row);
    }

    void add(RelationshipRecord rel, ImportNodes nodes, int from, int to) {
      Map<String, Object> row = new HashMap<>();
      row.put("from", rel.from());
      row.put("to", rel.to());
      row.put("props", withoutSources(rel.properties()));
      row.put("sources", rel.sources());
      add(List.of(rel.type(), nodes.label(from), nodes.label(to)), row);
    }

    boolean overflowed() {
      return overflowed;
    }

    private void add(List<String> key, Map<String, Object> row) {
      if (overflowed) {
        return;
      }
      if (buffered == limit) {
        overflowed = true;
        buffers.clear();
        return;
      }
      List<Map<String, Object>> buffer = buffers.computeIfAbsent(key, k -> new ArrayList<>());
      buffer.add(row);
      buffered++;
      if (buffer.size() >= batchSize) {
        run(key, buffer);
        buffers.remove(key);
      }
    }

    /** Runs every partly filled chunk. */
    void flush() {
      buffers.forEach(this::run);
      buffers.clear();
    }

    /** Hands the kept facts to another, running one. */
    void replayInto(StoredFacts running) {
      buffers.forEach((key, rows) -> rows.forEach(row -> running.add(key, row)));
      buffers.clear();
    }

    private void run(List<String> key, List<Map<String, Object>> rows) {
      if (rows.isEmpty()) {
        return;
      }
      if (key.get(0).equals("node")) {
        runner.run(nodeStatement(key.get(1)), new Chunk(List.copyOf(rows), 0));
      } else {
        runner.run(
            relationshipStatement(key.get(0), key.get(1), key.get(2)),
            new Chunk(List.copyOf(rows), 3));
      }
    }

    private static final String SAME =
        """
        all(k IN keys(row.props) WHERE %1$s[k] = row.props[k])
          AND all(s IN row.sources WHERE s IN coalesce(%1$s.sources, []))""";

    private static final String MERGED_SOURCES =
        """
        CASE WHEN size(row.sources) = 0 THEN %1$s.sources
          ELSE coalesce(%1$s.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(%1$s.sources, [])]
          END""";

    static Statement nodeStatement(String label) {
      String compare =
          """
          UNWIND $rows AS row
          MATCH (n:`%s` {id: row.id})
          WITH n, row, CASE WHEN %s THEN 2 ELSE 1 END AS status
          """
              .formatted(label, SAME.formatted("n"));
      return new Statement(
          compare + "RETURN status, count(*) AS n",
          compare
              + """
              FOREACH (_ IN CASE WHEN status = 1 THEN [1] ELSE [] END |
                SET n += row.props, n.sources = %s)
              RETURN status, count(*) AS n
              """
                  .formatted(MERGED_SOURCES.formatted("n")));
    }

    static Statement relationshipStatement(String type, String fromLabel, String toLabel) {
      String compare =
          """
          UNWIND $rows AS row
          MATCH (a:`%2$s` {id: row.from})
          MATCH (b:`%3$s` {id: row.to})
          OPTIONAL MATCH (a)-[old:`%1$s`]->(b)
          WITH a, b, row, collect(old) AS found
          WITH a, b, row, found, CASE WHEN size(found) = 0 THEN 0
            WHEN %4$s THEN 2 ELSE 1 END AS status
          """
              .formatted(type, fromLabel, toLabel, SAME.formatted("found[0]"));
      return new Statement(
          compare + "RETURN status, count(*) AS n",
          compare
              + """
              FOREACH (_ IN CASE WHEN status = 0 THEN [1] ELSE [] END |
                CREATE (a)-[r:`%1$s`]->(b)
                SET r = row.props,
                  r.sources = CASE WHEN size(row.sources) = 0 THEN null ELSE row.sources END)
              FOREACH (old IN CASE WHEN status = 1 THEN found ELSE [] END |
                SET old += row.props, old.sources = %2$s)
              RETURN status, count(*) AS n
              """
                  .formatted(type, MERGED_SOURCES.formatted("old")));
    }
  }

  /**
   * Writes the new facts into the staging area as the input streams by: rows are gathered per label
   * and per relationship shape on the reading thread and handed, a batch at a time, to two writing
   * threads, one for nodes and one for relationships, so that reading the file, creating nodes and
   * linking the nodes created earlier all overlap. A relationship batch waits until every node
   * batch handed on before it is written (its new ends need their database ids); the two threads
   * never touch the same nodes, so they never wait on each other's locks. Each queue holds two
   * batches, which bounds memory. (Two threads creating relationships would lock the same
   * organisations in different orders and deadlock: relationships go one batch at a time.)
   */
  /** Where the staging pass sends the input: new facts to the staging area, the rest kept. */
  interface StagingSink extends GraphSink {

    /** Sends what is left and waits until it is written. */
    void finish();

    /** Stops the writing thread (after a failure on the reading side) and waits for it. */
    void stop();

    /** New nodes staged, per model label. */
    Map<String, Long> created();

    /** The facts about stored nodes met, for the swap. */
    StoredFacts stored();
  }

  private final class Stager implements StagingSink {

    private final Driver driver;
    private final ImportNodes nodes;
    private final long[] counts;
    private final LongConsumer progress;
    // rows gathered per shape: label (or type and ends) and the property names they set
    private final Map<Shape, List<List<Object>>> nodeRows = new LinkedHashMap<>();
    private final Map<Shape, List<int[]>> relEnds = new LinkedHashMap<>();
    private final Map<Shape, List<List<Object>>> relValues = new LinkedHashMap<>();
    private final Map<List<String>, Set<List<String>>> keySets = new HashMap<>();
    private final Map<List<String>, Shape> lastShapes = new HashMap<>();
    private final Map<String, List<String>> nodeKinds = new HashMap<>();
    private final Map<String, Long> created = new HashMap<>();
    private final StoredFacts stored = StoredFacts.kept(storedFactsInMemory);
    private final WriterThread<Task> writer;
    private long sent;

    Stager(Driver driver, ImportNodes nodes, long[] counts, LongConsumer progress) {
      this.driver = driver;
      this.nodes = nodes;
      this.counts = counts;
      this.progress = progress;
      this.writer =
          new WriterThread<>(
              thread -> {
                try (Session session = driver.session(Staging.SESSION)) {
                  thread.drain(task -> task.run(session));
                }
              });
    }

    @Override
    public void add(NodeRecord node) {
      int index = known(nodes, node.id());
      if (!nodes.isNew(index)) {
        stored.add(node, nodes, index);
        return;
      }
      Map<String, Object> props = withId(node.id(), node.properties());
      Shape shape = shape(nodeKinds.computeIfAbsent(node.label(), List::of), props);
      List<List<Object>> rows = nodeRows.computeIfAbsent(shape, k -> new ArrayList<>());
      rows.add(shape.row(index, props));
      if (rows.size() >= batchSize) {
        flushNodes(shape);
      }
    }

    /**
     * The shape of a row: statements that name their properties ({@code CREATE (n:L {id: row[1],
     * name: row[2]})}) run faster than ones that set a map, so rows are grouped by the names of
     * their properties, as long as few such groups appear; beyond that, by map.
     */
    private Shape shape(List<String> kind, Map<String, Object> props) {
      Shape last = lastShapes.get(kind);
      if (last != null && last.keys() != null && last.sameKeys(props)) {
        return last;
      }
      Shape shape = newShape(kind, props);
      lastShapes.put(kind, shape);
      return shape;
    }

    private Shape newShape(List<String> kind, Map<String, Object> props) {
      List<String> keys = props.keySet().stream().sorted().toList();
      Set<List<String>> seen = keySets.computeIfAbsent(kind, k -> new java.util.HashSet<>());
      if (seen.contains(keys) || (seen.size() < MAX_SHAPES && seen.add(keys))) {
        return new Shape(kind, keys);
      }
      return new Shape(kind, null);
    }

    @Override
    public void add(RelationshipRecord rel) {
      int from = known(nodes, rel.from());
      int to = known(nodes, rel.to());
      boolean fromNew = nodes.isNew(from);
      boolean toNew = nodes.isNew(to);
      if (!fromNew && !toNew) {
        stored.add(rel, nodes, from, to);
        return;
      }
      Shape shape =
          shape(
              List.of(rel.type(), fromNew ? "" : nodes.label(from), toNew ? "" : nodes.label(to)),
              rel.properties());
      List<int[]> ends = relEnds.computeIfAbsent(shape, k -> new ArrayList<>());
      ends.add(new int[] {from, to});
      relValues.computeIfAbsent(shape, k -> new ArrayList<>()).add(shape.values(rel.properties()));
      if (ends.size() >= batchSize) {
        flushRelationships(shape);
      }
    }

    @Override
    public Map<String, Long> created() {
      return created;
    }

    @Override
    public StoredFacts stored() {
      return stored;
    }

    @Override
    public void finish() {
      for (Shape shape : List.copyOf(nodeRows.keySet())) {
        flushNodes(shape);
      }
      for (Shape shape : List.copyOf(relEnds.keySet())) {
        flushRelationships(shape);
      }
      submitNodes();
      writer.finish();
    }

    @Override
    public void stop() {
      writer.stop();
    }

    /** Node rows that go into the transaction of the next batch of relationships. */
    private record NodeBatch(String label, String query, List<List<Object>> rows) {}

    private final List<NodeBatch> pendingNodes = new ArrayList<>();
    private int pendingNodeRows;

    private void flushNodes(Shape shape) {
      List<List<Object>> rows = nodeRows.remove(shape);
      if (rows == null || rows.isEmpty()) {
        return;
      }
      String label = shape.kind().get(0);
      String query =
          """
          UNWIND $rows AS row
          CREATE (n:%s:`%s`%s)
          %s
          RETURN row[0] AS i, id(n) AS id
          """
              .formatted(
                  GraphModel.STAGED,
                  Staging.stagedLabel(label),
                  shape.inline(1),
                  shape.keys() == null ? "SET n = row[1]" : "");
      pendingNodes.add(new NodeBatch(label, query, rows));
      pendingNodeRows += rows.size();
      if (pendingNodeRows >= batchSize) {
        submitNodes();
      }
    }

    /** Writes the pending node rows in a transaction of their own. */
    private void submitNodes() {
      List<NodeBatch> batches = takePendingNodes();
      if (batches.isEmpty()) {
        return;
      }
      writer.submit(
          session -> {
            long[] written = session.executeWrite(tx -> writeNodes(tx, batches));
            countNodes(batches, written);
          });
    }

    private List<NodeBatch> takePendingNodes() {
      List<NodeBatch> batches = List.copyOf(pendingNodes);
      pendingNodes.clear();
      pendingNodeRows = 0;
      return batches;
    }

    /** Creates the nodes and keeps the database id each got; returns how many per batch. */
    private long[] writeNodes(TransactionContext tx, List<NodeBatch> batches) {
      long[] written = new long[batches.size()];
      for (int b = 0; b < batches.size(); b++) {
        NodeBatch batch = batches.get(b);
        long t = System.nanoTime();
        List<Record> records =
            tx.run(new Query(batch.query(), Map.of("rows", batch.rows()))).list();
        for (Record record : records) {
          nodes.setNodeId(record.get("i").asInt(), record.get("id").asLong());
        }
        written[b] = records.size();
        trace(t, batch.rows().size(), batch.query());
      }
      return written;
    }

    private void countNodes(List<NodeBatch> batches, long[] written) {
      for (int b = 0; b < batches.size(); b++) {
        created.merge(batches.get(b).label(), written[b], Long::sum);
        counts[0] += written[b];
        advance(batches.get(b).rows().size());
      }
    }

    private void flushRelationships(Shape shape) {
      // a relationship's new ends must be written (and have their database ids) before it: in
      // the same transaction, which saves a commit per node batch
      for (Shape nodeShape : List.copyOf(nodeRows.keySet())) {
        flushNodes(nodeShape);
      }
      List<NodeBatch> nodeBatches = takePendingNodes();
      List<int[]> ends = relEnds.remove(shape);
      List<List<Object>> values = relValues.remove(shape);
      if (ends == null || ends.isEmpty()) {
        return;
      }
      String type = shape.kind().get(0);
      String fromLabel = shape.kind().get(1);
      String toLabel = shape.kind().get(2);
      String query =
          """
          UNWIND $rows AS row
          %s
          %s
          CREATE (a)-[r:`%s`%s]->(b)
          %s
          RETURN count(*) AS n
          """
              .formatted(
                  end("a", 0, fromLabel),
                  end("b", 1, toLabel),
                  type,
                  shape.inline(2),
                  shape.keys() == null ? "SET r = row[2]" : "");
      writer.submit(
          session -> {
            long[][] written = new long[1][];
            long n =
                session.executeWrite(
                    tx -> {
                      written[0] = writeNodes(tx, nodeBatches);
                      long t = System.nanoTime();
                      List<List<Object>> rows = new ArrayList<>(ends.size());
                      for (int i = 0; i < ends.size(); i++) {
                        int[] pair = ends.get(i);
                        List<Object> row = new ArrayList<>(2 + values.get(i).size());
                        row.add(fromLabel.isEmpty() ? nodes.nodeId(pair[0]) : nodes.id(pair[0]));
                        row.add(toLabel.isEmpty() ? nodes.nodeId(pair[1]) : nodes.id(pair[1]));
                        row.addAll(values.get(i));
                        rows.add(row);
                      }
                      long created =
                          tx.run(new Query(query, Map.of("rows", rows))).single().get("n").asLong();
                      trace(t, rows.size(), query);
                      return created;
                    });
            if (n != ends.size()) {
              throw changedMeanwhile(
                  (ends.size() - n) + " ends of new relationships were deleted by someone else");
            }
            countNodes(nodeBatches, written[0]);
            counts[3] += n;
            advance(ends.size());
          });
    }

    /** How a statement finds a relationship's end: by database id if new, else label and id. */
    private static String end(String variable, int column, String label) {
      return label.isEmpty()
          ? "MATCH (%1$s) WHERE id(%1$s) = row[%2$d]".formatted(variable, column)
          : "MATCH (%1$s:`%3$s` {id: row[%2$d]})".formatted(variable, column, label);
    }

    private void advance(int rows) {
      sent += rows;
      progress.accept(sent);
    }
  }

  /** Property-name groups per label or relationship shape before rows go by map instead. */
  private static final int MAX_SHAPES = 16;

  /**
   * What one statement writes: a label (or a relationship type and how its ends are found) and,
   * unless null, the names of the properties every row sets, in order.
   */
  private record Shape(List<String> kind, List<String> keys) {

    /** True when the properties have exactly the shape's names. */
    boolean sameKeys(Map<String, Object> props) {
      if (props.size() != keys.size()) {
        return false;
      }
      for (String key : keys) {
        if (!props.containsKey(key)) {
          return false;
        }
      }
      return true;
    }

    /** A node row: its number, then the values (or the whole map). */
    List<Object> row(int index, Map<String, Object> props) {
      List<Object> row = new ArrayList<>(1 + (keys == null ? 1 : keys.size()));
      row.add(index);
      row.addAll(values(props));
      return row;
    }

    /** The values of the properties in the shape's order, or the map itself. */
    List<Object> values(Map<String, Object> props) {
      if (keys == null) {
        return List.of(props);
      }
      List<Object> values = new ArrayList<>(keys.size());
      for (String key : keys) {
        values.add(props.get(key));
      }
      return values;
    }

    /** The property map of a CREATE, values taken from the row from a column on. */
    String inline(int firstColumn) {
      if (keys == null || keys.isEmpty()) {
        return "";
      }
      StringBuilder map = new StringBuilder(" {");
      for (int i = 0; i < keys.size(); i++) {
        map.append(i == 0 ? "" : ", ")
            .append('`')
            .append(keys.get(i).replace("`", "``"))
            .append("`: row[")
            .append(firstColumn + i)
            .append(']');
      }
      return map.append('}').toString();
    }
  }

  /** A batch for the writing thread. */
  private interface Task {
    void run(Session session);
  }
}
