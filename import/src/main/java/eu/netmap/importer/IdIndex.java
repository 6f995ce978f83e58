package eu.netmap.importer;

import java.util.Arrays;

/**
 * Node ids numbered densely from 0 in the order first seen, in an open-addressing hash table: each
 * id costs its {@code String} (about 40 bytes plus one per character) and about 16 bytes of table
 * and hash, half of a {@code HashMap<String, Integer>}. Imports number every node they meet so that
 * everything else about a node (label, origin, whether it is stored) lives in primitive arrays
 * indexed by that number, and a relationship's identity packs into one {@code long}.
 */
public final class IdIndex {

  private String[] ids = new String[1024];
  private int[] hashes = new int[1024];
  private int[] slots = new int[2048];
  private int size;

  /** The number of the id, adding it if it is new. */
  public int add(String id) {
    int hash = spread(id.hashCode());
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        break;
      }
      if (hashes[entry - 1] == hash && ids[entry - 1].equals(id)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    ids[size] = id;
    hashes[size] = hash;
    slots[slot] = ++size;
    if (size * 4 >= slots.length * 3) {
      rehash();
    }
    return size - 1;
  }

  /** The number of the id, or -1 when it has not been added. */
  public int find(String id) {
    if (id == null) {
      return -1;
    }
    int hash = spread(id.hashCode());
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (hashes[entry - 1] == hash && ids[entry - 1].equals(id)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The id with this number. */
  public String id(int index) {
    return ids[index];
  }

  /** How many ids have been added. */
  public int size() {
    return size;
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = hashes[i] & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = i + 1;
    }
    slots = bigger;
  }

  private static int spread(int hash) {
    int h = hash ^ (hash >>> 16);
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
