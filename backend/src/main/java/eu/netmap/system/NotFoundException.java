package eu.netmap.system;

/** Something the request names does not exist; the API answers 404 ProblemDetail. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
