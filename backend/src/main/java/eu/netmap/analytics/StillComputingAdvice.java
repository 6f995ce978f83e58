package eu.netmap.analytics;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request whose computation outlasted the wait with {@code 202 Accepted}, a {@code
 * Retry-After} header and the job's progress: {@code {status: "computing", task, stage, done,
 * total, progress, elapsedMs, retryAfterMs}}. Asking again returns the result once it is ready.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StillComputingAdvice {

  /** How long clients are told to wait before asking again. */
  static final int RETRY_AFTER_MS = 1000;

  record Computing(
      String status,
      String task,
      String stage,
      long done,
      long total,
      Double progress,
      long elapsedMs,
      int retryAfterMs) {}

  @ExceptionHandler(AnalyticsJobs.StillComputingException.class)
  ResponseEntity<Computing> stillComputing(AnalyticsJobs.StillComputingException e) {
    AnalyticsController.JobJson job = AnalyticsController.JobJson.of(e.job());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_MS / 1000))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(
            new Computing(
                "computing",
                job.task(),
                job.stage(),
                job.done(),
                job.total(),
                job.progress(),
                job.elapsedMs(),
                RETRY_AFTER_MS));
  }
}
