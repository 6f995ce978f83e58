package eu.netmap.importer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The writing side of an import: one thread that takes what the reading thread hands it through a
 * queue of two items, which bounds the memory, and writes them in turn. The first failure on either
 * side stops both: the reading thread hears of a writing failure at its next hand-over.
 *
 * @param <T> what is handed over (a batch, a task)
 */
final class WriterThread<T> {

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
  private final Thread thread;
  private volatile Throwable failure;

  /**
   * Starts the thread. {@code body} runs on it: it opens what it writes through, if anything, and
   * calls {@link #drain} with the write of one item.
   */
  WriterThread(Consumer<WriterThread<T>> body) {
    thread =
        new Thread(
            () -> {
              try {
                body.accept(this);
              } catch (RuntimeException | Error e) {
                fail(e);
              }
            },
            "netmap-import-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** On the writing thread: writes every item handed over until the end or a failure. */
  @SuppressWarnings("unchecked")
  void drain(Consumer<T> write) {
    try {
      while (true) {
        Object next = queue.take();
        if (next == END || failure != null) {
          return;
        }
        write.accept((T) next);
      }
    } catch (InterruptedException e) {
      fail(new IllegalStateException("interrupted while importing", e));
    }
  }

  /** Hands an item over, waiting while two are queued; throws the writing thread's failure. */
  void submit(T item) {
    offer(item);
  }

  /** Waits until everything handed over is written; throws the writing thread's failure. */
  void finish() {
    offer(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    }
    rethrow();
  }

  /** Stops the thread (after a failure on the reading side) and waits for it. */
  void stop() {
    if (thread.isAlive()) {
      fail(new IllegalStateException("stopped"));
      queue.clear();
      queue.offer(END);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void offer(Object item) {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        rethrow();
      }
      rethrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    }
  }

  private void rethrow() {
    Throwable failed = failure;
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
  }

  private void fail(Throwable e) {
    if (failure == null) {
      failure = e;
    }
  }
}
