package eu.netmap.importer;

import java.util.List;

/**
 * Thrown when an input cannot be imported. It carries every problem found (capped), so the user can
 * fix them all in one go; nothing has been written when it is thrown.
 */
public class ImportException extends RuntimeException {

  private final List<ImportProblem> problems;

  public ImportException(List<ImportProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public ImportException(ImportProblem problem) {
    this(List.of(problem));
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  private static String summary(List<ImportProblem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(problems.size()).append(problems.size() == 1 ? " error" : " errors");
    text.append(", nothing was written:");
    for (ImportProblem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
