package eu.netmap.importer;

/**
 * One thing wrong (or worth a look) in an input, located as {@code file:line: field: message}.
 *
 * @param origin where it is
 * @param field the column or key concerned, or null
 * @param message what is wrong, in words a user understands
 */
public record ImportProblem(Origin origin, String field, String message) {

  @Override
  public String toString() {
    String where = origin == null ? "" : origin + ": ";
    return field == null ? where + message : where + field + ": " + message;
  }
}
