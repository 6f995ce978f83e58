package eu.netmap.edit;

/**
 * One thing wrong in the body of a change.
 *
 * @param field the field concerned, as the API names it ({@code name}, {@code properties.since},
 *     {@code sources[1].title} …)
 * @param message what is wrong, and what is allowed
 */
record FieldProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
