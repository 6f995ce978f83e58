package eu.netmap.importer;

/**
 * Where a fact came from in an input file, so that every error and every stored fact can point back
 * to a file and line.
 *
 * @param file the file name as the user gave it
 * @param line the 1-based line number, or 0 when the source has no lines
 */
public record Origin(String file, int line) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
