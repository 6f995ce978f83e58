package eu.netmap.importer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text table read row by row (streamed, never whole), each row with the line of the
 * file it starts on, so errors can name {@code file:line} even when fields span several lines.
 *
 * <p>Handles what real exports contain: a byte order mark, CRLF or LF line ends, comma, semicolon
 * or tab separators (detected from the header line unless given), quoted fields with line breaks
 * (also in the header), and, with quoting off, stray quote characters kept as text. Text that is
 * not valid in the chosen encoding is an error, not silently replaced.
 */
public final class Table implements Closeable, Iterable<Table.Row> {

  /** One row: the line it starts on and its values, trimmed. */
  public record Row(int line, List<String> values) {

    /** The value in a column, or null when the row is shorter. */
    public String get(int column) {
      return column >= 0 && column < values.size() ? values.get(column) : null;
    }

    /** True when every value is blank. */
    public boolean blank() {
      for (String value : values) {
        if (!value.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  private final String file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final char delimiter;
  private final boolean quoting;
  private final Charset charset;

  private Table(String file, CSVParser parser, char delimiter, boolean quoting, Charset charset) {
    this.file = file;
    this.charset = charset;
    this.parser = parser;
    this.delimiter = delimiter;
    this.quoting = quoting;
    this.records = parser.iterator();
    Row first = nextRow();
    if (first == null) {
      throw new ImportException(new ImportProblem(new Origin(file, 1), null, "the file is empty"));
    }
    List<String> names = new ArrayList<>();
    for (String name : first.values()) {
      names.add(name.replaceAll("\\s+", " ").strip());
    }
    this.header = List.copyOf(names);
  }

  /**
   * Opens a table and reads its header.
   *
   * @param in the content (closed with the table)
   * @param file the name used in errors
   * @param options delimiter (null: detect), encoding, quoting
   * @throws ImportException when the file is empty or cannot be decoded
   */
  public static Table open(InputStream in, String file, ImportOptions options) {
    try {
      BufferedReader reader = new BufferedReader(decoding(in, options.charset()), 1 << 16);
      reader.mark(1 << 16);
      int first = reader.read();
      if (first != '\uFEFF') {
        reader.reset();
      }
      char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(reader);
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(delimiter)
              .setQuote(options.quoting() ? Character.valueOf('"') : null)
              .setIgnoreEmptyLines(false)
              .setTrim(true)
              .get();
      return new Table(
          file, CSVParser.parse(reader, format), delimiter, options.quoting(), options.charset());
    } catch (IOException | UncheckedIOException e) {
      throw new ImportException(
          new ImportProblem(new Origin(file, 0), null, readError(e, options.charset())));
    }
  }

  /** The column names as written in the header line, whitespace collapsed. */
  public List<String> header() {
    return header;
  }

  /** The separator in use (given or detected). */
  public char delimiter() {
    return delimiter;
  }

  /**
   * The index of the first column whose name matches one of the given names (case, accents, spaces
   * and punctuation ignored), or -1.
   */
  public int column(String... names) {
    for (String name : names) {
      String wanted = key(name);
      for (int i = 0; i < header.size(); i++) {
        if (key(header.get(i)).equals(wanted)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** A column name folded for matching: "Project ID" and "project_id" give "projectid". */
  public static String key(String name) {
    return Slugs.fold(name).replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private Row next = nextNonBlank();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = nextNonBlank();
        return row;
      }
    };
  }

  private Row nextNonBlank() {
    Row row;
    do {
      row = nextRow();
    } while (row != null && row.blank());
    return row;
  }

  private Row nextRow() {
    // The parser has counted the line ends read so far; empty lines are read as rows (not
    // skipped) so that the count before a record is always the line the record starts on, minus 1.
    int line = (int) parser.getCurrentLineNumber() + 1;
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      List<String> values = new ArrayList<>(record.size());
      for (String value : record) {
        if (value.indexOf('\uFFFD') >= 0) {
          throw new ImportException(
              new ImportProblem(new Origin(file, line), null, encodingError(charset)));
        }
        values.add(trim(value));
      }
      return new Row(line, values);
    } catch (UncheckedIOException | IllegalStateException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      String hint =
          quoting && message.contains("EOF")
              ? "a quoted field is never closed (a stray \" character?); read the file with quoting"
                  + " off if quotes are not used to enclose fields"
              : quoting && message.toLowerCase(Locale.ROOT).contains("invalid char")
                  ? "a quote character inside a field that is not quoted; read the file with"
                      + " quoting off if quotes are not used to enclose fields"
                  : readError(e, charset);
      throw new ImportException(new ImportProblem(new Origin(file, line), null, hint));
    }
  }

  /** Trims spaces including no-break spaces, which exports often leave at the ends of cells. */
  private static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && blankChar(value.charAt(start))) {
      start++;
    }
    while (end > start && blankChar(value.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == value.length() ? value : value.substring(start, end);
  }

  private static boolean blankChar(char c) {
    return c <= ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Bytes that are not valid in the encoding become U+FFFD, which {@link #nextRow} reports with the
   * row's line (a decoder that throws could not tell where).
   */
  private static java.io.Reader decoding(InputStream in, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith("\uFFFD");
    return new InputStreamReader(in, decoder);
  }

  private static String encodingError(Charset charset) {
    return "the text is not valid "
        + charset.name()
        + "; give the file's encoding (for example windows-1252 or ISO-8859-1)";
  }

  /** The most frequent of comma, semicolon, tab and pipe in the header line, outside quotes. */
  private static char detectDelimiter(BufferedReader reader) throws IOException {
    reader.mark(1 << 16);
    int[] counts = new int[4];
    char[] candidates = {',', ';', '\t', '|'};
    boolean quoted = false;
    for (int i = 0, c; i < (1 << 16) - 1 && (c = reader.read()) != -1; i++) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int k = 0; k < candidates.length; k++) {
          if (c == candidates[k]) {
            counts[k]++;
          }
        }
      }
    }
    reader.reset();
    int best = 0;
    for (int k = 1; k < counts.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return candidates[best];
  }

  private static String readError(Exception e, Charset charset) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof CharacterCodingException && charset != null) {
      return encodingError(charset);
    }
    return "cannot read the file: " + (cause == null ? e : cause).getMessage();
  }
}
