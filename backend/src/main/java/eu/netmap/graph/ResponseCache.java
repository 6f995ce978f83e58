package eu.netmap.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A small cache of read answers (search, node details, neighbourhoods) for the current {@link
 * DataVersion}: any committed change empties it. The least recently used answers go first beyond
 * {@code netmap.cache.responses} entries (0 switches it off). It is only used when the data version
 * sees every write (the embedded database); against an external server, which others may change
 * unseen, every read goes to the database.
 */
@Component
public class ResponseCache {

  private final DataVersion dataVersion;
  private final int capacity;
  private final LinkedHashMap<Object, Object> entries;
  private long version = -1;
  private long hits;
  private long misses;

  public ResponseCache(
      DataVersion dataVersion, @Value("${netmap.cache.responses:2000}") int capacity) {
    this.dataVersion = dataVersion;
    this.capacity = Math.max(0, capacity);
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > ResponseCache.this.capacity;
          }
        };
  }

  /**
   * The cached answer for {@code key} (which must say which query and with which arguments), or the
   * one {@code compute} gives, kept unless the data changed meanwhile.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    if (capacity == 0 || !dataVersion.seesAllWrites()) {
      return compute.get();
    }
    // read the version before the data: an answer computed while a write commits is kept under
    // the older version, which the write's bump makes obsolete
    long current = dataVersion.current();
    synchronized (this) {
      if (current > version) {
        entries.clear();
        version = current;
      }
      if (current == version) {
        Object hit = entries.get(key);
        if (hit != null) {
          hits++;
          return (T) hit;
        }
      }
      misses++;
    }
    T value = compute.get();
    if (value != null) {
      synchronized (this) {
        if (current == version) {
          entries.put(key, value);
        }
      }
    }
    return value;
  }

  /** How many answers are cached now. */
  public synchronized int size() {
    return entries.size();
  }

  /** Answers served from the cache, and computed, since the start. */
  public synchronized long[] hitsAndMisses() {
    return new long[] {hits, misses};
  }
}
