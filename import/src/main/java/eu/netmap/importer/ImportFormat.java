package eu.netmap.importer;

import java.util.Locale;

/** The kinds of input netmap can import, one reader each. */
public enum ImportFormat {
  /** A nodes table and an edges table as prepared for Kumu or Gephi. */
  CSV,
  /** A table of participations: one row per organisation in a project. */
  PARTICIPATION,
  /** A GraphML file from another tool. */
  GRAPHML,
  /** A GEXF file (Gephi). */
  GEXF,
  /** The NUTS region list (Eurostat GISCO), as Region nodes with their parents. */
  NUTS,
  /** The curated YAML dataset format of the seed data. */
  SEED;

  /** The name users type: {@code csv}, {@code participation}, … */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format with that name, case-insensitive. */
  public static ImportFormat of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
