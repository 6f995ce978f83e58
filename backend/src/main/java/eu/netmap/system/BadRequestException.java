package eu.netmap.system;

import java.util.Collection;
import java.util.List;

/**
 * A request parameter is wrong; the API answers 400 ProblemDetail naming the parameter and, where
 * there is a fixed set, the allowed values.
 */
public class BadRequestException extends RuntimeException {

  private final String parameter;
  private final List<String> allowed;

  public BadRequestException(String parameter, String message, Collection<String> allowed) {
    super(message);
    this.parameter = parameter;
    this.allowed = List.copyOf(allowed);
  }

  public BadRequestException(String parameter, String message) {
    this(parameter, message, List.of());
  }

  public String parameter() {
    return parameter;
  }

  public List<String> allowed() {
    return allowed;
  }

  /** Checks that an integer parameter lies in [min, max]. */
  public static int checkRange(String parameter, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadRequestException(
          parameter,
          "Parameter '"
              + parameter
              + "' must be between "
              + min
              + " and "
              + max
              + ", was "
              + value);
    }
    return value;
  }
}
