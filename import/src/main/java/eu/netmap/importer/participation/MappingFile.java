package eu.netmap.importer.participation;

import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.Origin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small text file that describes one export layout once, so it need not be typed again:
 *
 * <pre>
 * # ESF Veneto beneficiaries, 2014-2020
 * project          = Codice progetto
 * projectName      = Titolo
 * organisationName = Denominazione beneficiario
 * role             = Ruolo
 * country          = Paese
 * delimiter        = ;
 * encoding         = windows-1252
 * quoting          = off
 * programme        = ESF
 * </pre>
 *
 * Keys are the fields of {@link ParticipationColumns} (values: header names) and {@code delimiter}
 * ({@code ,} {@code ;} {@code tab} {@code |}), {@code encoding}, {@code quoting} ({@code on}/{@code
 * off}) and {@code programme}.
 */
public final class MappingFile {

  private MappingFile() {}

  /**
   * The options with the mapping file's choices applied.
   *
   * @throws ImportException naming each line that cannot be understood
   */
  public static ImportOptions apply(ImportOptions base, Reader reader, String file)
      throws IOException {
    ImportOptions options = base;
    Map<String, String> columns = new LinkedHashMap<>();
    List<ImportProblem> problems = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (number == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1).strip();
      }
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      Origin origin = new Origin(file, number);
      int equals = text.indexOf('=');
      if (equals < 0) {
        problems.add(new ImportProblem(origin, null, "expected key = value"));
        continue;
      }
      String key = text.substring(0, equals).strip();
      String value = text.substring(equals + 1).strip();
      switch (key.toLowerCase(Locale.ROOT)) {
        case "delimiter" -> {
          Character delimiter = delimiter(value);
          if (delimiter == null) {
            problems.add(
                new ImportProblem(
                    origin, key, "expected one character, or tab; got '" + value + "'"));
          } else {
            options = options.withDelimiter(delimiter);
          }
        }
        case "encoding" -> {
          try {
            options = options.withCharset(Charset.forName(value));
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(new ImportProblem(origin, key, "unknown encoding '" + value + "'"));
          }
        }
        case "quoting" -> {
          if (!value.matches("(?i)on|off|true|false|yes|no")) {
            problems.add(new ImportProblem(origin, key, "expected on or off"));
          } else {
            options = options.withQuoting(value.matches("(?i)on|true|yes"));
          }
        }
        case "programme" -> options = options.withProgramme(value);
        default -> {
          ParticipationColumns column = ParticipationColumns.byKey(key);
          if (column == null) {
            problems.add(
                new ImportProblem(
                    origin,
                    key,
                    "unknown key; expected delimiter, encoding, quoting, programme or one of "
                        + java.util.Arrays.stream(ParticipationColumns.values())
                            .map(ParticipationColumns::key)
                            .toList()));
          } else {
            columns.put(column.key(), value);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    // columns typed on the command line win over the mapping file
    Map<String, String> merged = new LinkedHashMap<>(columns);
    merged.putAll(base.columns());
    return options.withColumns(merged);
  }

  /** The delimiter a user wrote: one character, or "tab". */
  public static Character delimiter(String value) {
    if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
      return '\t';
    }
    if (value.equalsIgnoreCase("semicolon")) {
      return ';';
    }
    if (value.equalsIgnoreCase("comma")) {
      return ',';
    }
    return value.length() == 1 ? value.charAt(0) : null;
  }
}
