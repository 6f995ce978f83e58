package eu.netmap.importer;

import java.util.List;

/**
 * What reading an input gave: the batch to store and the warnings worth showing (near-duplicate
 * names, values that were guessed). Errors are never here: they are thrown as an {@link
 * ImportException}.
 *
 * @param batch the nodes and relationships read
 * @param warnings things worth a look, each with its file and line
 */
public record ReadResult(GraphBatch batch, List<ImportProblem> warnings) {

  public ReadResult {
    warnings = List.copyOf(warnings);
  }
}
