package eu.netmap.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors and warnings a reader finds, so that all of them (up to a cap) are reported
 * in one go instead of stopping at the first.
 */
public final class Problems {

  private final int max;
  private final List<ImportProblem> errors = new ArrayList<>();
  private final List<ImportProblem> warnings = new ArrayList<>();
  private long errorCount;
  private long warningCount;

  public Problems(int max) {
    this.max = max;
  }

  /** Records an error: the input will not be written. */
  public void error(Origin origin, String field, String message) {
    errorCount++;
    if (errors.size() < max) {
      errors.add(new ImportProblem(origin, field, message));
    }
  }

  /** Records something worth a look that does not stop the import. */
  public void warning(Origin origin, String field, String message) {
    warningCount++;
    if (warnings.size() < max) {
      warnings.add(new ImportProblem(origin, field, message));
    }
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }

  /** True when no more errors will be listed; readers may stop early then. */
  public boolean full() {
    return errors.size() >= max;
  }

  /** The errors, with a last line saying how many were left out. */
  public List<ImportProblem> errors() {
    return withRest(errors, errorCount, "errors");
  }

  /** The warnings, with a last line saying how many were left out. */
  public List<ImportProblem> warnings() {
    return withRest(warnings, warningCount, "warnings");
  }

  /** Throws an {@link ImportException} listing the errors, if there are any. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ImportException(errors());
    }
  }

  private static List<ImportProblem> withRest(List<ImportProblem> listed, long total, String what) {
    if (total == listed.size()) {
      return List.copyOf(listed);
    }
    List<ImportProblem> all = new ArrayList<>(listed);
    all.add(new ImportProblem(null, null, "… and " + (total - listed.size()) + " more " + what));
    return List.copyOf(all);
  }
}
