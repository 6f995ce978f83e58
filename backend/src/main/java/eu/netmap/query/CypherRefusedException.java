package eu.netmap.query;

/** A console query that must not run; answered with 403 and the reason. */
class CypherRefusedException extends RuntimeException {

  CypherRefusedException(String reason) {
    super(reason);
  }
}
