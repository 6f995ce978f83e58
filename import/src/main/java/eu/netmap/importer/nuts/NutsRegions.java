package eu.netmap.importer.nuts;

import eu.netmap.importer.Countries;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.GraphSink;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Origin;
import eu.netmap.importer.RelationshipRecord;
import eu.netmap.importer.Slugs;
import eu.netmap.importer.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The NUTS region list (Eurostat GISCO): regions by code and by name, and the NUTS 2016 codes that
 * changed in 2021 translated to their successors. The 2021 list ships with this module.
 *
 * <p>Credit: © EuroGeographics for the administrative boundaries (Eurostat GISCO).
 */
public final class NutsRegions {

  /** The NUTS 2021 list shipped in this module. */
  public static final String NUTS_2021_RESOURCE = "/nuts/nuts2021_regions_from_gisco_20m.csv";

  /** The NUTS 2016 list shipped in this module, used to translate old codes. */
  public static final String NUTS_2016_RESOURCE = "/nuts/nuts2016_regions_from_gisco_20m.csv";

  /** The Source node the shipped list is cited by. */
  public static final String SOURCE_ID = "src-gisco-nuts-2021";

  /** Region levels by NUTS level code 0–3. */
  private static final List<String> LEVELS = List.of("country", "nuts1", "nuts2", "nuts3");

  /** Words that often precede a region's name in exports but are not part of the NUTS name. */
  private static final List<String> NAME_PREFIXES =
      List.of(
          "regione autonoma ",
          "regione ",
          "region de ",
          "region ",
          "provincia autonoma di ",
          "provincia di ",
          "province of ",
          "comunidad autonoma de ",
          "comunidad de ",
          "land ");

  /**
   * One NUTS region.
   *
   * @param code the NUTS code, e.g. ITH2 (EL and UK for Greece and the United Kingdom)
   * @param level 0 (country) to 3
   * @param nutsCountry the NUTS country code (EL, UK, …)
   * @param name the name in its own language and script
   * @param nameLatin the name in Latin script
   * @param origin where the region is listed
   */
  public record Region(
      String code, int level, String nutsCountry, String name, String nameLatin, Origin origin) {

    /** The netmap id of the region: {@code nuts-ith2}. */
    public String id() {
      return "nuts-" + code.toLowerCase(Locale.ROOT);
    }

    /** The netmap level: country, nuts1, nuts2 or nuts3. */
    public String levelName() {
      return LEVELS.get(level);
    }

    /** The ISO code of the region's country (GR for EL, GB for UK). */
    public String country() {
      String iso = Countries.iso(nutsCountry);
      return iso == null ? nutsCountry : iso;
    }

    /** The code of the region this one is part of, or null for a country. */
    public String parentCode() {
      return level == 0 ? null : code.substring(0, code.length() - 1);
    }
  }

  /** A code resolved to a 2021 region, with a note when it was an older code. */
  public record Resolved(Region region, String note) {}

  private static volatile NutsRegions bundled;

  private final Map<String, Region> byCode = new LinkedHashMap<>();
  private final Map<String, List<Region>> byName = new HashMap<>();
  private final Map<String, Region> from2016 = new HashMap<>();

  private NutsRegions() {}

  /** The NUTS 2021 list shipped in this module, with the 2016 codes mapped. */
  public static NutsRegions bundled() {
    NutsRegions regions = bundled;
    if (regions == null) {
      synchronized (NutsRegions.class) {
        regions = bundled;
        if (regions == null) {
          regions = new NutsRegions();
          try (InputStream in = resource(NUTS_2021_RESOURCE)) {
            regions.load(in, "nuts" + NUTS_2021_RESOURCE.substring(5), ImportOptions.defaults());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          try (InputStream in = resource(NUTS_2016_RESOURCE)) {
            regions.map2016(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          bundled = regions;
        }
      }
    }
    return regions;
  }

  /**
   * A NUTS list in the GISCO layout ({@code NUTS_ID, LEVL_CODE, CNTR_CODE, NAME_LATN, NUTS_NAME}).
   *
   * @throws ImportException listing rows that cannot be read
   */
  public static NutsRegions read(InputStream in, String file, ImportOptions options) {
    NutsRegions regions = new NutsRegions();
    regions.load(in, file, options);
    return regions;
  }

  /** Every region, in the order of the list. */
  public Collection<Region> all() {
    return byCode.values();
  }

  /** The 2021 region with this code, or null. */
  public Region byCode(String code) {
    return byCode.get(code.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The 2021 region for a code, also when it is a NUTS 2016 code that changed (Sardinia's ITG25 is
   * ITG2D in 2021), or null when the code is unknown.
   */
  public Resolved resolve(String code) {
    String normalized = code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    Region region = byCode.get(normalized);
    if (region != null) {
      return new Resolved(region, null);
    }
    Region successor = from2016.get(normalized);
    if (successor != null) {
      return new Resolved(
          successor, "NUTS 2016 code " + normalized + " is " + successor.code() + " in NUTS 2021");
    }
    return null;
  }

  /**
   * The regions with this name (accents, case and words such as "Regione" ignored), in the given
   * NUTS country if not null, the broadest level first.
   */
  public List<Region> byName(String name, String nutsCountry) {
    List<Region> found = new ArrayList<>();
    for (String key : nameKeys(name)) {
      for (Region region : byName.getOrDefault(key, List.of())) {
        if ((nutsCountry == null || region.nutsCountry().equals(nutsCountry))
            && !found.contains(region)) {
          found.add(region);
        }
      }
      if (!found.isEmpty()) {
        break;
      }
    }
    found.sort(java.util.Comparator.comparingInt(Region::level));
    return found;
  }

  /** The Source node citing the shipped list. */
  public static NodeRecord sourceNode() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", "NUTS 2021 regions (Eurostat GISCO, 1:20 million)");
    props.put("publisher", "Eurostat GISCO");
    props.put("date", "2021");
    props.put("file", "nuts2021_regions_from_gisco_20m.csv");
    props.put("credit", "© EuroGeographics for the administrative boundaries");
    return new NodeRecord(
        SOURCE_ID,
        GraphModel.SOURCE,
        props,
        new Origin("nuts" + NUTS_2021_RESOURCE.substring(5), 1));
  }

  /** The Region node of a region, citing the given source. */
  public static NodeRecord node(Region region, String sourceId) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("name", region.name());
    if (!region.nameLatin().equals(region.name()) && !region.nameLatin().isBlank()) {
      props.put("nameLatin", region.nameLatin());
    }
    props.put("nuts", region.code());
    props.put("level", region.levelName());
    props.put("country", region.country());
    props.put("sources", List.of(sourceId));
    return new NodeRecord(region.id(), GraphModel.REGION, props, region.origin());
  }

  /**
   * Adds a region and the regions it is part of, up to its country, with their PART_OF ties, unless
   * already added.
   *
   * @param added ids already in the batch; updated
   */
  public void addWithParents(Region region, GraphBatch batch, Set<String> added) {
    addWithParents(region, (GraphSink) batch, added::add);
  }

  /**
   * Adds the region and its parents up the NUTS tree to the sink, each once: {@code firstTime}
   * answers whether an id is met for the first time (and remembers it).
   */
  public void addWithParents(
      Region region, GraphSink sink, java.util.function.Predicate<String> firstTime) {
    Region current = region;
    while (current != null && firstTime.test(current.id())) {
      sink.add(node(current, SOURCE_ID));
      Region parent = current.parentCode() == null ? null : byCode.get(current.parentCode());
      if (parent != null) {
        sink.add(
            new RelationshipRecord(
                current.id(),
                "PART_OF",
                parent.id(),
                Map.of("sources", List.of(SOURCE_ID)),
                current.origin()));
      }
      current = parent;
    }
  }

  private void load(InputStream in, String file, ImportOptions options) {
    List<ImportProblem> problems = new ArrayList<>();
    try (Table table = Table.open(in, file, options.withDelimiter(null))) {
      int code = table.column("NUTS_ID", "nuts", "code");
      int level = table.column("LEVL_CODE", "level");
      int country = table.column("CNTR_CODE", "country");
      int latin = table.column("NAME_LATN");
      int name = table.column("NUTS_NAME", "name");
      if (code < 0 || name < 0) {
        throw new ImportException(
            new ImportProblem(
                new Origin(file, 1),
                null,
                "expected the GISCO columns NUTS_ID, LEVL_CODE, CNTR_CODE, NAME_LATN, NUTS_NAME"));
      }
      for (Table.Row row : table) {
        Origin origin = new Origin(file, row.line());
        String id = row.get(code);
        if (id == null || !id.matches("[A-Z]{2}[0-9A-Z]{0,3}")) {
          problems.add(new ImportProblem(origin, table.header().get(code), "not a NUTS code"));
          continue;
        }
        int lvl = id.length() - 2;
        String levelText = level < 0 ? null : row.get(level);
        if (levelText != null && !levelText.isBlank() && !levelText.equals(String.valueOf(lvl))) {
          problems.add(
              new ImportProblem(
                  origin,
                  table.header().get(level),
                  "level " + levelText + " does not match the code " + id));
          continue;
        }
        String localName = row.get(name).strip();
        String latinName = latin < 0 || row.get(latin).isBlank() ? localName : row.get(latin);
        String cc =
            country < 0 || row.get(country).isBlank() ? id.substring(0, 2) : row.get(country);
        if (localName.isEmpty()) {
          problems.add(new ImportProblem(origin, table.header().get(name), "the name is empty"));
          continue;
        }
        Region region = new Region(id, lvl, cc, localName, latinName.strip(), origin);
        if (byCode.putIfAbsent(id, region) != null) {
          problems.add(
              new ImportProblem(
                  origin,
                  table.header().get(code),
                  "duplicate code " + id + " (first at " + byCode.get(id).origin() + ")"));
          continue;
        }
        for (String key : List.of(nameKey(localName), nameKey(latinName))) {
          List<Region> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
          if (!list.contains(region)) {
            list.add(region);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
  }

  private void map2016(InputStream in) {
    try (Table table = Table.open(in, "nuts2016", ImportOptions.defaults())) {
      int code = table.column("NUTS_ID");
      int name = table.column("NUTS_NAME");
      for (Table.Row row : table) {
        String old = row.get(code);
        if (byCode.containsKey(old)) {
          continue;
        }
        String country = old.substring(0, 2);
        int level = old.length() - 2;
        List<Region> same =
            byName.getOrDefault(nameKey(row.get(name)), List.of()).stream()
                .filter(r -> r.nutsCountry().equals(country) && r.level() == level)
                .toList();
        if (same.size() == 1) {
          from2016.put(old, same.get(0));
        }
      }
    }
  }

  private static List<String> nameKeys(String name) {
    String key = nameKey(name);
    List<String> keys = new ArrayList<>(List.of(key));
    for (String prefix : NAME_PREFIXES) {
      if (key.startsWith(prefix)) {
        keys.add(key.substring(prefix.length()));
      }
    }
    return keys;
  }

  private static String nameKey(String name) {
    return Slugs.fold(name).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static InputStream resource(String path) {
    InputStream in = NutsRegions.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + " is not on the classpath");
    }
    return in;
  }
}
