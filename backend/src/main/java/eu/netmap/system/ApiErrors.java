package eu.netmap.system;

import eu.netmap.analytics.ViewTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error shape of the API: RFC 9457 ProblemDetail, with a detail that says what was wrong
 * and what is allowed.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad request");
    if (e.parameter() != null) {
      problem.setProperty("parameter", e.parameter());
    }
    if (!e.allowed().isEmpty()) {
      problem.setProperty("allowed", e.allowed());
    }
    return problem;
  }

  @ExceptionHandler(ViewTooLargeException.class)
  ProblemDetail tooLarge(ViewTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("View too large for this server's memory");
    problem.setProperty("view", e.view().key());
    problem.setProperty("ties", e.ties());
    problem.setProperty("budgetBytes", e.budgetBytes());
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    problem.setTitle("Bad request");
    problem.setProperty("parameter", e.getName());
    return problem;
  }
}
