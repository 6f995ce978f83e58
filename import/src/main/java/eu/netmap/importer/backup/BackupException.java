package eu.netmap.importer.backup;

/**
 * A backup file that cannot be restored, with the line where the problem is (0 when it concerns the
 * file as a whole). Nothing has been changed in the database when it is thrown.
 */
public class BackupException extends RuntimeException {

  private final long line;

  public BackupException(long line, String message) {
    super(line > 0 ? "line " + line + ": " + message : message);
    this.line = line;
  }

  /** The 1-based line of the problem, or 0 for the file as a whole. */
  public long line() {
    return line;
  }
}
