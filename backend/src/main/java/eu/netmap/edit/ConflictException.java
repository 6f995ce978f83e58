package eu.netmap.edit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change refused because the data changed since the client read it (a stale version), or because
 * it would clash with what is stored: 409 ProblemDetail, with the current value where there is one
 * so the client can show it and let the user apply the change again.
 */
final class ConflictException extends ErrorResponseException {

  ConflictException(String detail, Object current) {
    super(HttpStatus.CONFLICT, body(detail, current), null);
  }

  ConflictException(String detail) {
    this(detail, null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }

  private static ProblemDetail body(String detail, Object current) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Conflict");
    if (current != null) {
      problem.setProperty("current", current);
    }
    return problem;
  }
}
