package eu.netmap.importer;

/**
 * A set of {@code long}s in an open-addressing table, about 11 to 21 bytes per element: what an
 * import keeps to tell a relationship it has already seen, packed as (from, type, to).
 */
public final class LongHashSet {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] table = filled(1024);
  private int size;
  private boolean hasEmptyValue;

  /** Adds the value; true when it was not in the set yet. */
  public boolean add(long value) {
    if (value == EMPTY) {
      boolean added = !hasEmptyValue;
      hasEmptyValue = true;
      return added;
    }
    int mask = table.length - 1;
    int slot = spread(value) & mask;
    while (table[slot] != EMPTY) {
      if (table[slot] == value) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = value;
    if (++size * 4 >= table.length * 3) {
      rehash();
    }
    return true;
  }

  /** True when the value is in the set. */
  public boolean contains(long value) {
    if (value == EMPTY) {
      return hasEmptyValue;
    }
    int mask = table.length - 1;
    int slot = spread(value) & mask;
    while (table[slot] != EMPTY) {
      if (table[slot] == value) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  /** How many values the set holds. */
  public int size() {
    return size + (hasEmptyValue ? 1 : 0);
  }

  private void rehash() {
    long[] old = table;
    table = filled(old.length * 2);
    int mask = table.length - 1;
    for (long value : old) {
      if (value != EMPTY) {
        int slot = spread(value) & mask;
        while (table[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        table[slot] = value;
      }
    }
  }

  private static long[] filled(int length) {
    long[] values = new long[length];
    java.util.Arrays.fill(values, EMPTY);
    return values;
  }

  private static int spread(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
