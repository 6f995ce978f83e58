package eu.netmap.importer.participation;

import static eu.netmap.importer.participation.ParticipationColumns.AMOUNT;
import static eu.netmap.importer.participation.ParticipationColumns.COUNTRY;
import static eu.netmap.importer.participation.ParticipationColumns.END;
import static eu.netmap.importer.participation.ParticipationColumns.ORGANISATION_ID;
import static eu.netmap.importer.participation.ParticipationColumns.ORGANISATION_NAME;
import static eu.netmap.importer.participation.ParticipationColumns.PROJECT;
import static eu.netmap.importer.participation.ParticipationColumns.PROJECT_NAME;
import static eu.netmap.importer.participation.ParticipationColumns.REGION_CODE;
import static eu.netmap.importer.participation.ParticipationColumns.REGION_NAME;
import static eu.netmap.importer.participation.ParticipationColumns.ROLE;
import static eu.netmap.importer.participation.ParticipationColumns.START;

import eu.netmap.importer.Countries;
import eu.netmap.importer.Fields;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.GraphSink;
import eu.netmap.importer.IdIndex;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.LongHashSet;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Origin;
import eu.netmap.importer.Problems;
import eu.netmap.importer.RelationshipRecord;
import eu.netmap.importer.Slugs;
import eu.netmap.importer.SourceNodes;
import eu.netmap.importer.Table;
import eu.netmap.importer.nuts.NutsRegions;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a table of participations, one row per organisation in a project, as exported by funding
 * programmes: each row gives an Organisation –PARTICIPATES_IN→ Project (with role and amount) and
 * the organisation's LOCATED_IN region, with the NUTS regions it names (and their parents) added.
 *
 * <p>Columns are found by the names in {@link ParticipationColumns} or mapped by the user. Ids:
 * projects get the slug of their code, organisations the slug of their id (or, without an id
 * column, of their name); a slug that starts with a digit gets {@code project-} / {@code org-}
 * before it. Countries become ISO codes (EL → GR, UK → GB); a region code is a NUTS code (2016
 * codes that changed are translated), a region name is looked up in the NUTS list within the
 * country; without either, the organisation is located in its country.
 *
 * <p>Organisations and projects appearing on several rows are stored once, as first seen.
 */
public final class ParticipationReader {

  /** Role spellings found in exports, and the netmap role each means. */
  private static final Map<String, String> ROLES =
      Map.ofEntries(
          Map.entry("lead", "lead"),
          Map.entry("lead partner", "lead"),
          Map.entry("leadpartner", "lead"),
          Map.entry("lp", "lead"),
          Map.entry("capofila", "lead"),
          Map.entry("chef de file", "lead"),
          Map.entry("applicant", "lead"),
          Map.entry("coordinator", "coordinator"),
          Map.entry("coordinatore", "coordinator"),
          Map.entry("coordinateur", "coordinator"),
          Map.entry("koordinator", "coordinator"),
          Map.entry("coordinador", "coordinator"),
          Map.entry("coo", "coordinator"),
          Map.entry("partner", "partner"),
          Map.entry("participant", "partner"),
          Map.entry("beneficiary", "partner"),
          Map.entry("pp", "partner"),
          Map.entry("partenaire", "partner"),
          Map.entry("socio", "partner"),
          Map.entry("partner di progetto", "partner"),
          Map.entry("associated", "associated"),
          Map.entry("associated partner", "associated"),
          Map.entry("associate", "associated"),
          Map.entry("partner associato", "associated"),
          Map.entry("partenaire associe", "associated"),
          Map.entry("funder", "funder"),
          Map.entry("member", "member"),
          Map.entry("secretariat", "secretariat"));

  /** Entries a lookup cache holds at most, so that memory stays bounded on any input. */
  private static final int CACHE_LIMIT = 10_000;

  private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final ImportOptions options;
  private final Problems problems;
  private final NutsRegions nuts = NutsRegions.bundled();
  private final GraphSink batch;
  // what has been handed on already, kept compact: ~60 bytes per node and ~16 per participation
  private final IdIndex nodeIds = new IdIndex();
  private final LongHashSet relationshipKeys = new LongHashSet();
  private final BitSet located = new BitSet();
  private final Map<String, String> countries = new HashMap<>();
  private final Map<String, Object> regions = new HashMap<>();
  private final Map<String, String> roles = new HashMap<>();
  private final Set<String> warned = new HashSet<>();

  private ParticipationReader(ImportOptions options, GraphSink sink) {
    this.options = options;
    this.problems = new Problems(options.maxProblems());
    this.batch = sink;
  }

  /**
   * Reads participation tables into one batch.
   *
   * @param onRow told the line of each row read, for progress
   * @throws ImportException listing every problem found
   */
  public static ParticipationResult read(
      List<ImportInput> inputs, ImportOptions options, java.util.function.IntConsumer onRow)
      throws IOException {
    GraphBatch batch = new GraphBatch();
    List<ImportProblem> warnings = read(inputs, options, onRow, batch);
    return new ParticipationResult(batch, warnings);
  }

  /**
   * Reads participation tables row by row, handing each organisation, project and region (once, as
   * first seen) and each participation and location to the sink: the table is streamed, never held,
   * and reading it again gives the same records in the same order.
   *
   * @param onRow told the line of each row read, for progress
   * @return the warnings (regions not found, rows listing a participation twice)
   * @throws ImportException listing every problem found, after the whole input was read
   */
  public static List<ImportProblem> read(
      List<ImportInput> inputs,
      ImportOptions options,
      java.util.function.IntConsumer onRow,
      GraphSink sink)
      throws IOException {
    for (String key : options.columns().keySet()) {
      if (ParticipationColumns.byKey(key) == null) {
        throw new ImportException(
            new ImportProblem(
                null,
                key,
                "not a participation field; expected one of "
                    + java.util.Arrays.stream(ParticipationColumns.values())
                        .map(ParticipationColumns::key)
                        .toList()));
      }
    }
    ParticipationReader reader = new ParticipationReader(options, sink);
    for (ImportInput input : inputs) {
      reader.read(input, onRow);
    }
    reader.problems.throwIfErrors();
    return reader.problems.warnings();
  }

  /** A participation table read: the batch and the warnings (regions not found, duplicates). */
  public record ParticipationResult(GraphBatch batch, List<ImportProblem> warnings) {}

  private void read(ImportInput input, java.util.function.IntConsumer onRow) throws IOException {
    String sourceId = SourceNodes.cite(input, options, batch);
    try (InputStream in = input.open();
        Table table = Table.open(in, input.name(), options)) {
      Map<ParticipationColumns, Integer> columns = new EnumMap<>(ParticipationColumns.class);
      for (ParticipationColumns column : ParticipationColumns.values()) {
        int index = column.find(table, options.columns());
        if (index < 0 && options.columns().containsKey(column.key())) {
          problems.error(
              new Origin(input.name(), 1),
              column.key(),
              "no column '"
                  + options.columns().get(column.key())
                  + "' in the header "
                  + table.header());
        }
        columns.put(column, index);
      }
      java.util.Set<Integer> taken = new HashSet<>(columns.values());
      for (ParticipationColumns column : ParticipationColumns.values()) {
        if (columns.get(column) < 0) {
          int index = column.findByPrefix(table, taken);
          columns.put(column, index);
          taken.add(index);
        }
      }
      if (columns.get(PROJECT) < 0) {
        problems.error(
            new Origin(input.name(), 1),
            PROJECT.key(),
            "no project column found in " + table.header() + "; map one");
      }
      if (columns.get(ORGANISATION_ID) < 0 && columns.get(ORGANISATION_NAME) < 0) {
        problems.error(
            new Origin(input.name(), 1),
            ORGANISATION_NAME.key(),
            "no organisation name or id column found in " + table.header() + "; map one");
      }
      if (problems.hasErrors()) {
        return;
      }
      Cells cells = new Cells(table, columns);
      List<String> sources = List.of(sourceId);
      for (Table.Row row : table) {
        onRow.accept(row.line());
        row(new Origin(input.name(), row.line()), row, cells, sources);
        if (problems.full()) {
          return;
        }
      }
    }
  }

  /** The cells of a row by field, with the header names for error messages. */
  private record Cells(Table table, Map<ParticipationColumns, Integer> columns) {

    String get(Table.Row row, ParticipationColumns column) {
      String value = row.get(columns.get(column));
      return value == null || value.isBlank() ? null : value.strip();
    }

    String header(ParticipationColumns column) {
      int index = columns.get(column);
      return index >= 0 ? table.header().get(index) : column.key();
    }
  }

  private void row(Origin origin, Table.Row row, Cells cells, List<String> sources) {
    String code = cells.get(row, PROJECT);
    String orgCode = cells.get(row, ORGANISATION_ID);
    String orgName = cells.get(row, ORGANISATION_NAME);
    if (code == null) {
      problems.error(origin, cells.header(PROJECT), "required field is empty");
    }
    if (orgCode == null && orgName == null) {
      problems.error(
          origin,
          cells.header(
              cells.columns().get(ORGANISATION_NAME) >= 0 ? ORGANISATION_NAME : ORGANISATION_ID),
          "required field is empty");
    }
    if (code == null || (orgCode == null && orgName == null)) {
      return;
    }
    String projectId = id("project-", code);
    String orgId = orgCode != null ? id("org-", orgCode) : id("", orgName);

    String country = null;
    String countryText = cells.get(row, COUNTRY);
    if (countryText != null) {
      country = cached(countries, countryText, Countries::iso);
      if (country == null) {
        problems.error(origin, cells.header(COUNTRY), "unknown country '" + countryText + "'");
      }
    }
    NutsRegions.Region region = region(origin, row, cells, country);
    if (country == null && region != null) {
      country = region.country();
    }

    int projectIndex = nodeIds.size();
    if (nodeIds.add(projectId) == projectIndex) {
      Map<String, Object> props = new LinkedHashMap<>();
      String title = cells.get(row, PROJECT_NAME);
      props.put("name", title != null ? title : code);
      props.put("code", code);
      if (options.programme() != null) {
        props.put("programme", options.programme());
      }
      Object start =
          Fields.value("start", cells.get(row, START), origin, cells.header(START), problems);
      Object end = Fields.value("end", cells.get(row, END), origin, cells.header(END), problems);
      if (start != null) {
        props.put("start", start);
        String period = period((String) start);
        if (period != null) {
          props.put("period", period);
        }
      }
      if (end != null) {
        props.put("end", end);
      }
      props.put("sources", sources);
      batch.add(new NodeRecord(projectId, GraphModel.PROJECT, props, origin));
    }
    int next = nodeIds.size();
    int orgIndex = nodeIds.add(orgId);
    if (orgIndex == next) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("name", orgName != null ? orgName : orgCode);
      if (orgCode != null) {
        props.put("code", orgCode);
      }
      if (country != null) {
        props.put("country", country);
      }
      props.put("sources", sources);
      batch.add(new NodeRecord(orgId, GraphModel.ORGANISATION, props, origin));
    }

    Map<String, Object> props = new LinkedHashMap<>();
    String role = cells.get(row, ROLE);
    if (role != null) {
      props.put("role", cached(roles, role, ParticipationReader::role));
    }
    Object amount =
        Fields.value("amount", cells.get(row, AMOUNT), origin, cells.header(AMOUNT), problems);
    if (amount != null) {
      props.put("amount", amount);
    }
    props.put("sources", sources);
    if (relationshipKeys.add(((long) orgIndex << 32) | nodeIds.find(projectId))) {
      batch.add(new RelationshipRecord(orgId, "PARTICIPATES_IN", projectId, props, origin));
    } else {
      problems.warning(
          origin,
          null,
          orgId + " is already listed in " + projectId + " on an earlier row; this row is skipped");
    }

    if (region != null && !located.get(orgIndex)) {
      located.set(orgIndex);
      if (firstTime(NutsRegions.SOURCE_ID)) {
        batch.add(NutsRegions.sourceNode());
      }
      nuts.addWithParents(region, batch, this::firstTime);
      batch.add(
          new RelationshipRecord(
              orgId, "LOCATED_IN", region.id(), Map.of("sources", sources), origin));
    }
  }

  private NutsRegions.Region region(Origin origin, Table.Row row, Cells cells, String country) {
    String code = cells.get(row, REGION_CODE);
    String nutsCountry = country == null ? null : Countries.nutsCode(country);
    if (code != null) {
      Object cached = cached(regions, "code:" + code, k -> nuts.resolve(code));
      if (!(cached instanceof NutsRegions.Resolved resolved)) {
        problems.error(origin, cells.header(REGION_CODE), "unknown NUTS code '" + code + "'");
        return null;
      }
      if (resolved.note() != null && warnOnce(code)) {
        problems.warning(origin, cells.header(REGION_CODE), resolved.note());
      }
      if (nutsCountry != null
          && !resolved.region().nutsCountry().equals(nutsCountry)
          && warnOnce(code + "|" + country)) {
        problems.warning(
            origin,
            cells.header(REGION_CODE),
            "region " + code + " is not in the row's country " + country);
      }
      return resolved.region();
    }
    String name = cells.get(row, REGION_NAME);
    if (name != null) {
      String key = "name:" + nutsCountry + ":" + name;
      Object cached = cached(regions, key, k -> nuts.byName(name, nutsCountry));
      @SuppressWarnings("unchecked")
      List<NutsRegions.Region> found = (List<NutsRegions.Region>) cached;
      if (found.size() == 1 || (found.size() > 1 && found.get(0).level() < found.get(1).level())) {
        return found.get(0);
      }
      if (warnOnce(key)) {
        problems.warning(
            origin,
            cells.header(REGION_NAME),
            found.isEmpty()
                ? "no NUTS region named '"
                    + name
                    + "'"
                    + (country == null ? "" : " in " + country)
                    + "; the organisation is located in its country only"
                : "'"
                    + name
                    + "' names several NUTS regions "
                    + found.stream().map(NutsRegions.Region::code).toList()
                    + "; give the country or the NUTS code");
      }
    }
    return nutsCountry == null ? null : nuts.byCode(nutsCountry);
  }

  private String id(String prefix, String code) {
    String slug = Slugs.idOf(code);
    return !prefix.isEmpty() && Character.isDigit(slug.charAt(0)) ? prefix + slug : slug;
  }

  /** True the first time a warning's key is met. */
  private boolean warnOnce(String key) {
    if (warned.size() >= CACHE_LIMIT) {
      warned.clear();
    }
    return warned.add(key);
  }

  /** True the first time an id is met. */
  private boolean firstTime(String id) {
    int next = nodeIds.size();
    return nodeIds.add(id) == next;
  }

  /** The netmap role for a spelling found in an export ("Lead partner", "Capofila" …). */
  private static String role(String text) {
    String key =
        SPACES
            .matcher(NOT_LETTER.matcher(Slugs.fold(text)).replaceAll(" "))
            .replaceAll(" ")
            .strip();
    return ROLES.getOrDefault(key, text.toLowerCase(Locale.ROOT));
  }

  /** A lookup through a cache that is emptied when full, so memory stays bounded. */
  private static <V> V cached(
      Map<String, V> cache, String key, java.util.function.Function<String, V> compute) {
    V value = cache.get(key);
    if (value == null) {
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      value = compute.apply(key);
      if (value != null) {
        cache.put(key, value);
      }
    }
    return value;
  }

  /** The programming period a project started in. */
  static String period(String start) {
    int year = Integer.parseInt(start.substring(0, 4));
    for (int first = 2000; first <= 2021; first += 7) {
      if (year >= first && year < first + 7) {
        return first + "-" + (first + 6);
      }
    }
    return null;
  }
}
