package eu.netmap.importer;

import java.io.IOException;

/**
 * Inputs that can be read again and again, each time giving the same nodes and relationships in the
 * same order: an import reads them once to check them and once more to write them, so that a large
 * file is streamed instead of held in memory.
 */
@FunctionalInterface
public interface GraphSource {

  /**
   * Reads the inputs from the start and hands every node and relationship to the sink, a node
   * before any relationship that ends at it.
   *
   * @throws ImportException listing the problems found in the input
   */
  void emit(GraphSink sink) throws IOException;
}
