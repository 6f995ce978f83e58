package eu.netmap.system;

/**
 * A start-up failure the user can fix, with a one-line description and what to do about it. {@link
 * StartupFailureAnalyzer} prints it instead of a stack trace.
 */
public class StartupException extends RuntimeException {

  private final String action;

  public StartupException(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public StartupException(String description, String action) {
    this(description, action, null);
  }

  /** What the user can do to fix it. */
  public String action() {
    return action;
  }
}
