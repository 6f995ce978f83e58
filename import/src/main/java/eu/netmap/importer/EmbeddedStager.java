package eu.netmap.importer;

import java.lang.reflect.Array;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The staging pass into a database embedded in this process, through Neo4j's Java API instead of
 * Cypher: no statement to plan, no rows to build, convert and send, no index seek for the ends of a
 * relationship. The reading thread sorts the records (new facts go here, facts about stored nodes
 * are kept for the swap) and hands them, {@code batchSize} records at a time, to one writing thread
 * through a queue of two batches, which bounds the memory. The writing thread creates each batch in
 * one transaction, in input order (a node before the relationships that end at it): new nodes with
 * the staged labels only, keeping the database id each gets; relationships between the nodes found
 * by those ids ({@code getNodeById}, a direct store read), or by label and id for stored nodes.
 */
@SuppressWarnings("deprecation") // database ids are kept only while the import holds the lock
final class EmbeddedStager implements Neo4jWriter.StagingSink {

  private static final Label STAGED = Label.label(GraphModel.STAGED);
  private static final Label[] MODEL = new Label[GraphModel.LABELS.size()];
  private static final Label[] STAGED_AS = new Label[GraphModel.LABELS.size()];

  static {
    for (int i = 0; i < MODEL.length; i++) {
      MODEL[i] = Label.label(GraphModel.LABELS.get(i));
      STAGED_AS[i] = Label.label(Staging.stagedLabel(GraphModel.LABELS.get(i)));
    }
  }

  private final GraphDatabaseService database;
  private final ImportNodes nodes;
  private final long[] counts;
  private final LongConsumer progress;
  private final int batchSize;
  private final Neo4jWriter.StoredFacts stored;
  private final Map<String, Long> created = new HashMap<>();
  private final long[] createdPerLabel = new long[GraphModel.LABELS.size()];
  private final Map<String, RelationshipType> types = new HashMap<>();
  private final WriterThread<Batch> writer;
  private Batch batch;
  private long sent;

  EmbeddedStager(
      GraphDatabaseService database,
      ImportNodes nodes,
      long[] counts,
      LongConsumer progress,
      int batchSize,
      Neo4jWriter.StoredFacts stored) {
    this.database = database;
    this.nodes = nodes;
    this.counts = counts;
    this.progress = progress;
    this.batchSize = batchSize;
    this.stored = stored;
    this.batch = new Batch(batchSize);
    this.writer = new WriterThread<>(thread -> thread.drain(this::write));
  }

  @Override
  public void add(NodeRecord node) {
    int index = Neo4jWriter.known(nodes, node.id());
    if (!nodes.isNew(index)) {
      stored.add(node, nodes, index);
      return;
    }
    batch.add(node, index, -1);
    if (batch.size == batchSize) {
      writer.submit(batch);
      batch = new Batch(batchSize);
    }
  }

  @Override
  public void add(RelationshipRecord rel) {
    int from = Neo4jWriter.known(nodes, rel.from());
    int to = Neo4jWriter.known(nodes, rel.to());
    if (!nodes.isNew(from) && !nodes.isNew(to)) {
      stored.add(rel, nodes, from, to);
      return;
    }
    batch.add(rel, from, to);
    if (batch.size == batchSize) {
      writer.submit(batch);
      batch = new Batch(batchSize);
    }
  }

  @Override
  public void finish() {
    if (batch.size > 0) {
      writer.submit(batch);
    }
    batch = new Batch(0);
    writer.finish();
    for (int i = 0; i < createdPerLabel.length; i++) {
      if (createdPerLabel[i] > 0) {
        created.put(GraphModel.LABELS.get(i), createdPerLabel[i]);
      }
    }
  }

  @Override
  public void stop() {
    writer.stop();
  }

  @Override
  public Map<String, Long> created() {
    return created;
  }

  @Override
  public Neo4jWriter.StoredFacts stored() {
    return stored;
  }

  /**
   * The swap's part for one label, in the swap's transaction: every node this import staged under
   * the label loses its staged labels and gets the model label.
   *
   * @return how many nodes were relabelled
   */
  static long relabel(Transaction tx, ImportNodes nodes, String label) {
    int labelIndex = GraphModel.LABELS.indexOf(label);
    Label model = MODEL[labelIndex];
    Label staged = STAGED_AS[labelIndex];
    long relabelled = 0;
    for (int i = 0; i < nodes.size(); i++) {
      if (!nodes.isNew(i) || !label.equals(nodes.label(i))) {
        continue;
      }
      Node node;
      try {
        node = tx.getNodeById(nodes.nodeId(i));
      } catch (NotFoundException e) {
        continue; // counted as missing by the caller
      }
      if (!node.hasLabel(staged)) {
        continue;
      }
      node.removeLabel(STAGED);
      node.removeLabel(staged);
      node.addLabel(model);
      relabelled++;
    }
    return relabelled;
  }

  /** Writes one batch in one transaction. */
  private void write(Batch batch) {
    long t = System.nanoTime();
    long[] perLabel = new long[createdPerLabel.length];
    long relationships = 0;
    try (Transaction tx = database.beginTx()) {
      for (int i = 0; i < batch.size; i++) {
        Object record = batch.records[i];
        if (record instanceof NodeRecord node) {
          int label = GraphModel.LABELS.indexOf(node.label());
          Node created = tx.createNode(STAGED, STAGED_AS[label]);
          created.setProperty("id", node.id());
          setProperties(created, node.properties());
          nodes.setNodeId(batch.from[i], created.getId());
          perLabel[label]++;
        } else {
          RelationshipRecord rel = (RelationshipRecord) record;
          Node a = end(tx, batch.from[i]);
          Node b = end(tx, batch.to[i]);
          Relationship r =
              a.createRelationshipTo(
                  b, types.computeIfAbsent(rel.type(), RelationshipType::withName));
          setProperties(r, rel.properties());
          relationships++;
        }
      }
      tx.commit();
    }
    for (int i = 0; i < perLabel.length; i++) {
      createdPerLabel[i] += perLabel[i];
      counts[0] += perLabel[i];
    }
    counts[3] += relationships;
    sent += batch.size;
    progress.accept(sent);
    Neo4jWriter.trace(t, batch.size, "embedded: CREATE staged nodes and relationships");
  }

  /** A relationship's end: a node this import created (by id), or a stored one (label and id). */
  private Node end(Transaction tx, int index) {
    if (nodes.isNew(index)) {
      return tx.getNodeById(nodes.nodeId(index));
    }
    String label = nodes.label(index);
    Node node = tx.findNode(MODEL[GraphModel.LABELS.indexOf(label)], "id", nodes.id(index));
    if (node == null) {
      throw Neo4jWriter.changedMeanwhile(
          "the " + label + " '" + nodes.id(index) + "' was deleted by someone else");
    }
    return node;
  }

  /** Sets the properties as Cypher would: nulls left out, integers as long, lists as arrays. */
  static void setProperties(org.neo4j.graphdb.Entity entity, Map<String, Object> properties) {
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      Object value = storable(property.getValue());
      if (value != null) {
        entity.setProperty(property.getKey(), value);
      }
    }
  }

  /** A value as Neo4j stores it when it comes through Cypher. */
  static Object storable(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof List<?> list) {
      return array(list);
    }
    return value;
  }

  private static Object array(List<?> list) {
    if (list.isEmpty()) {
      return new String[0];
    }
    Object first = storable(list.get(0));
    Class<?> type =
        first instanceof Long
            ? long.class
            : first instanceof Double
                ? double.class
                : first instanceof Boolean ? boolean.class : first.getClass();
    Object array = Array.newInstance(type, list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = storable(list.get(i));
      if (element == null || !type.isInstance(element) && !boxes(type, element)) {
        throw new IllegalArgumentException("a list of mixed types cannot be stored: " + list);
      }
      Array.set(array, i, element);
    }
    return array;
  }

  private static boolean boxes(Class<?> primitive, Object element) {
    return (primitive == long.class && element instanceof Long)
        || (primitive == double.class && element instanceof Double)
        || (primitive == boolean.class && element instanceof Boolean);
  }

  /** Records for one transaction: nodes with their number, relationships with their ends'. */
  private static final class Batch {
    final Object[] records;
    final int[] from;
    final int[] to;
    int size;

    Batch(int capacity) {
      records = new Object[capacity];
      from = new int[capacity];
      to = new int[capacity];
    }

    void add(Object record, int a, int b) {
      records[size] = record;
      from[size] = a;
      to[size] = b;
      size++;
    }
  }
}
