package eu.netmap.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * The embedded database's page cache (off-heap memory that holds store files): the size set in
 * {@code netmap.neo4j.embedded.page-cache}, else one and a half times the stored graph, at least 1
 * GB (room for an import to grow it), and at most what Neo4j itself would take — half of the
 * physical memory left beside the heap. Neo4j's own default is that maximum whatever the store, 11
 * GB for a graph of 1.5 GB on a 24 GB machine.
 */
final class PageCacheSize {

  static final long MIN = 1L << 30;
  private static final long FLOOR = 256L << 20;

  private PageCacheSize() {}

  /** The page cache for a database home: the configured size, else computed. */
  static long of(DataSize configured, Path home) {
    if (configured != null) {
      return configured.toBytes();
    }
    return computed(storeBytes(home), physicalMemory(), Runtime.getRuntime().maxMemory());
  }

  /** One and a half times the store, at least {@link #MIN}, at most half of memory beside heap. */
  static long computed(long store, long physical, long maxHeap) {
    long wanted = Math.max(MIN, store + store / 2);
    if (physical <= 0) {
      return wanted;
    }
    long cap = Math.max(FLOOR, (physical - maxHeap) / 2);
    return Math.min(wanted, cap);
  }

  /** The bytes of the stored databases under a Neo4j home (0 when there are none yet). */
  static long storeBytes(Path home) {
    Path databases = home.resolve("data").resolve("databases");
    if (!Files.isDirectory(databases)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(databases)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long physicalMemory() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize()
        : 0;
  }
}
