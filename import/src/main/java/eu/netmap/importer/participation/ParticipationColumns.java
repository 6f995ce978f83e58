package eu.netmap.importer.participation;

import eu.netmap.importer.Table;
import java.util.List;
import java.util.Map;

/**
 * The fields a participation table can hold, each with the header names it is recognised by when
 * the user maps no column to it (English, Italian, French, German, Spanish; case, accents, spaces
 * and punctuation ignored).
 */
public enum ParticipationColumns {
  PROJECT(
      "project",
      "project",
      "project id",
      "project code",
      "project number",
      "project reference",
      "codice progetto",
      "id progetto",
      "cod progetto",
      "code projet",
      "projektnummer",
      "projekt id",
      "codigo proyecto"),
  PROJECT_NAME(
      "projectName",
      "project name",
      "project title",
      "title",
      "titolo progetto",
      "titolo",
      "nome progetto",
      "titre projet",
      "titre",
      "projekttitel",
      "titulo proyecto",
      "acronym"),
  ORGANISATION_ID(
      "organisationId",
      "organisation id",
      "organization id",
      "org id",
      "pic",
      "beneficiary id",
      "participant id",
      "partner id",
      "codice fiscale",
      "partita iva",
      "oid"),
  ORGANISATION_NAME(
      "organisationName",
      "organisation name",
      "organization name",
      "organisation",
      "organization",
      "beneficiary name",
      "beneficiary",
      "participant name",
      "participant",
      "partner name",
      "partner",
      "name",
      "denominazione",
      "beneficiario",
      "ragione sociale",
      "organisme",
      "beneficiaire",
      "organisationsname",
      "begunstigter",
      "entidad"),
  ROLE("role", "role", "participant role", "partner role", "ruolo", "tipo partner", "rolle", "rol"),
  COUNTRY(
      "country", "country", "country code", "paese", "nazione", "stato", "pays", "land", "pais"),
  REGION_CODE(
      "regionCode",
      "nuts",
      "nuts code",
      "region code",
      "nuts3",
      "nuts2",
      "codice nuts",
      "code nuts"),
  REGION_NAME(
      "regionName",
      "region",
      "region name",
      "regione",
      "provincia",
      "bundesland",
      "comunidad autonoma"),
  START(
      "start",
      "start date",
      "start",
      "data inizio",
      "inizio",
      "date debut",
      "debut",
      "beginn",
      "fecha inicio"),
  END("end", "end date", "end", "data fine", "fine", "date fin", "fin", "ende", "fecha fin"),
  AMOUNT(
      "amount",
      "amount",
      "eu contribution",
      "ec contribution",
      "contribution",
      "grant",
      "budget",
      "importo",
      "contributo",
      "montant",
      "betrag",
      "importe");

  private final String key;
  private final List<String> names;

  ParticipationColumns(String key, String... names) {
    this.key = key;
    this.names = List.of(names);
  }

  /** The name used in options and mapping files: project, organisationName, regionCode, … */
  public String key() {
    return key;
  }

  /** The field with this option name, or null. */
  public static ParticipationColumns byKey(String key) {
    for (ParticipationColumns column : values()) {
      if (column.key.equalsIgnoreCase(key.strip())) {
        return column;
      }
    }
    return null;
  }

  /**
   * The column of a table holding this field: the header the user mapped it to, or else the first
   * header with one of the usual names; -1 when there is none.
   */
  int find(Table table, Map<String, String> mapped) {
    String header = mapped.get(key);
    if (header != null) {
      return table.column(header);
    }
    return table.column(names.toArray(String[]::new));
  }

  /**
   * The first column not yet taken whose name starts with one of the usual names ("Denominazione
   * beneficiario" for denominazione, "Importo ammesso" for importo), or -1.
   */
  int findByPrefix(Table table, java.util.Set<Integer> taken) {
    for (String name : names) {
      String wanted = Table.key(name);
      for (int i = 0; i < table.header().size(); i++) {
        if (!taken.contains(i) && Table.key(table.header().get(i)).startsWith(wanted)) {
          return i;
        }
      }
    }
    return -1;
  }
}
