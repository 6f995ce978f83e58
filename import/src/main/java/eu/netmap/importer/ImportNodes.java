package eu.netmap.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every node an import meets, numbered: the nodes its input defines and the ids its relationships
 * and sources refer to. What the validator and the writer need to know about each (label, where it
 * was defined, whether the database already holds it, its database id once written) lives in
 * primitive arrays, about 20 bytes per node on top of the {@link IdIndex}: with the id's own
 * string, 80 to 100 bytes per node in all, whatever the number of rows that mention it.
 */
public final class ImportNodes {

  /** Defined by a node record of the input. */
  static final byte DEFINED = 1;

  /** Held by the database under the same label before the import. */
  static final byte STORED = 2;

  /** Not defined by the input but found in the database (an edge end or a cited source). */
  static final byte EXISTING = 4;

  private final IdIndex ids = new IdIndex();
  private final List<String> files = new ArrayList<>();
  private byte[] labels = new byte[1024];
  private byte[] flags = new byte[1024];
  private char[] fileOf = new char[1024];
  private int[] lineOf = new int[1024];
  private long[] nodeIds;

  /** The number of the id, adding it if new. */
  int add(String id) {
    int before = ids.size();
    int index = ids.add(id);
    if (index == before) {
      if (index == labels.length) {
        int length = labels.length * 2;
        labels = Arrays.copyOf(labels, length);
        flags = Arrays.copyOf(flags, length);
        fileOf = Arrays.copyOf(fileOf, length);
        lineOf = Arrays.copyOf(lineOf, length);
      }
      labels[index] = -1;
    }
    return index;
  }

  /** The number of the id, or -1. */
  public int find(String id) {
    return ids.find(id);
  }

  /** How many ids are numbered. */
  public int size() {
    return ids.size();
  }

  /** The id with this number. */
  public String id(int index) {
    return ids.id(index);
  }

  /** The label of the node, or null when unknown (not defined, or a label outside the model). */
  public String label(int index) {
    byte label = labels[index];
    return label < 0 ? null : GraphModel.LABELS.get(label);
  }

  void define(int index, String label, Origin origin) {
    int labelIndex = label == null ? -1 : GraphModel.LABELS.indexOf(label);
    labels[index] = (byte) labelIndex;
    flags[index] |= DEFINED;
    lineOf[index] = origin == null ? 0 : origin.line();
    fileOf[index] = fileIndex(origin == null ? "" : origin.file());
  }

  void setExisting(int index, String label) {
    labels[index] = (byte) GraphModel.LABELS.indexOf(label);
    flags[index] |= EXISTING;
  }

  boolean is(int index, byte flag) {
    return (flags[index] & flag) != 0;
  }

  void set(int index, byte flag) {
    flags[index] |= flag;
  }

  /** True when the input defines the node and the database does not hold it yet. */
  public boolean isNew(int index) {
    return (flags[index] & (DEFINED | STORED)) == DEFINED;
  }

  /** Where the node was defined. */
  public Origin origin(int index) {
    return new Origin(files.get(fileOf[index]), lineOf[index]);
  }

  /** The database id of a node written by this import. */
  long nodeId(int index) {
    return nodeIds[index];
  }

  void setNodeId(int index, long nodeId) {
    if (nodeIds == null) {
      nodeIds = new long[ids.size()];
    }
    nodeIds[index] = nodeId;
  }

  /** The file with this number, as given to {@link #fileIndex}. */
  String file(int index) {
    return files.get(index);
  }

  char fileIndex(String file) {
    int index = files.size() - 1;
    if (index < 0 || !files.get(index).equals(file)) {
      index = files.indexOf(file);
      if (index < 0) {
        if (files.size() == Character.MAX_VALUE) {
          throw new IllegalStateException("too many input files");
        }
        files.add(file);
        index = files.size() - 1;
      }
    }
    return (char) index;
  }
}
