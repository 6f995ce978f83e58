package eu.netmap.graph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A small cache of read answers (search, node details, neighbourhoods) for the current {@link
 * DataVersion}: any committed change makes every cached answer obsolete. Beyond {@code
 * netmap.cache.responses} entries (0 switches it off) the least used answers go first. It is only
 * used when the data version sees every write (the embedded database); against an external server,
 * which others may change unseen, every read goes to the database.
 *
 * <p>Request threads never wait for each other here (Caffeine; a synchronized map was a queue under
 * 50 concurrent clients), and an answer is filed under the data version read before its data, so an
 * answer computed while a write commits can never be served after that write.
 */
@Component
public class ResponseCache {

  private final DataVersion dataVersion;
  private final int capacity;
  private final Cache<Versioned, Object> entries;
  private final AtomicLong cleared = new AtomicLong(-1);
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** A key under the data version its answer was read at. */
  private record Versioned(long version, Object key) {}

  public ResponseCache(
      DataVersion dataVersion, @Value("${netmap.cache.responses:10000}") int capacity) {
    this.dataVersion = dataVersion;
    this.capacity = Math.max(0, capacity);
    // upkeep on the calling threads: no background pool, and sizes are exact when read
    this.entries = Caffeine.newBuilder().maximumSize(this.capacity).executor(Runnable::run).build();
  }

  /**
   * The cached answer for {@code key} (which must say which query and with which arguments), or the
   * one {@code compute} gives, kept for the data version it was read at.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    if (capacity == 0 || !dataVersion.seesAllWrites()) {
      return compute.get();
    }
    // read the version before the data: an answer computed while a write commits is filed under
    // the older version, which the write's bump makes unreachable
    long current = dataVersion.current();
    long last = cleared.get();
    if (current > last && cleared.compareAndSet(last, current)) {
      // answers of older versions can never be asked for again: free them now
      entries.asMap().keySet().removeIf(k -> k.version() < current);
    }
    Versioned versioned = new Versioned(current, key);
    Object hit = entries.getIfPresent(versioned);
    if (hit != null) {
      hits.increment();
      return (T) hit;
    }
    misses.increment();
    T value = compute.get();
    if (value != null) {
      entries.put(versioned, value);
    }
    return value;
  }

  /** How many answers are cached now (of the current data version or, briefly, older ones). */
  public int size() {
    entries.cleanUp();
    return (int) entries.estimatedSize();
  }

  /** Answers served from the cache, and computed, since the start. */
  public long[] hitsAndMisses() {
    return new long[] {hits.sum(), misses.sum()};
  }
}
