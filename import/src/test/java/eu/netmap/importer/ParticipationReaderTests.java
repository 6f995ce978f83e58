package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.importer.participation.MappingFile;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParticipationReaderTests {

  /**
   * An Italian export: BOM, semicolons, CRLF, a header with a line break inside quotes, a name on
   * two lines, amounts with decimal commas, day-first dates, EL and UK country codes.
   */
  static final String ITALIAN =
      "\uFEFF\"Codice\r\nprogetto\";Titolo;Denominazione beneficiario;Ruolo;Paese;Regione;"
          + "Data inizio;Data fine;Importo\r\n"
          + "2019-1-IT02-KA204-063206;COM-IN;Veneto Lavoro;Capofila;Italia;Veneto;"
          + "01/09/2019;31/08/2021;\"12.500,50\"\r\n"
          + "2019-1-IT02-KA204-063206;COM-IN;\"Ελληνικό Κέντρο\r\nΚοινωνικής Ένταξης\";Partner;EL;"
          + "Attiki;01/09/2019;31/08/2021;8000\r\n"
          + "2019-1-IT02-KA204-063206;COM-IN;Employment Agency Ltd;partner;UK;;"
          + "01/09/2019;31/08/2021;\r\n"
          + "ESF-2014-77;Lavorare bene insieme;Beta Società Cooperativa Sociale;coordinatore;IT;"
          + "Provincia Autonoma di Trento;2015-03-01;;\r\n"
          + "ESF-2014-77;Lavorare bene insieme;VENETO LAVORO s.r.l.;partner;;Atlantide;"
          + "2015-03-01;;\r\n";

  static ReadResult read(String text, ImportOptions options) {
    return Importer.read(
        ImportFormat.PARTICIPATION,
        List.of(ImportInput.of("esf.csv", text.getBytes(StandardCharsets.UTF_8))),
        options);
  }

  @Test
  void shouldTurnRowsIntoOrganisationsProjectsAndRegions() {
    ReadResult result = read(ITALIAN, ImportOptions.defaults().withProgramme("Erasmus+"));
    GraphBatch batch = result.batch();

    new BatchValidator().validate(batch, ids -> Map.of(), true);
    Map<String, NodeRecord> nodes = batch.nodesById();
    NodeRecord project = nodes.get("project-2019-1-it02-ka204-063206");
    assertThat(project.label()).isEqualTo("Project");
    assertThat(project.properties())
        .containsEntry("name", "COM-IN")
        .containsEntry("code", "2019-1-IT02-KA204-063206")
        .containsEntry("programme", "Erasmus+")
        .containsEntry("start", "2019-09-01")
        .containsEntry("end", "2021-08-31")
        .containsEntry("period", "2014-2020");
    assertThat(project.origin()).isEqualTo(new Origin("esf.csv", 3));
    assertThat(nodes.get("esf-2014-77").properties()).containsEntry("period", "2014-2020");

    NodeRecord greek = nodes.get("elliniko-kentro-koinonikis-entaxis");
    assertThat(greek.name()).isEqualTo("Ελληνικό Κέντρο\r\nΚοινωνικής Ένταξης");
    assertThat(greek.properties()).containsEntry("country", "GR");
    assertThat(greek.origin().line()).isEqualTo(4);
    assertThat(nodes.get("employment-agency-ltd").properties()).containsEntry("country", "GB");
    assertThat(nodes.get("employment-agency-ltd").origin().line()).isEqualTo(6);

    assertThat(batch.relationships())
        .filteredOn(r -> r.type().equals("PARTICIPATES_IN"))
        .extracting(
            r -> r.from() + " " + r.properties().get("role") + " " + r.properties().get("amount"))
        .containsExactly(
            "veneto-lavoro lead 12500.5",
            "elliniko-kentro-koinonikis-entaxis partner 8000.0",
            "employment-agency-ltd partner null",
            "beta-societa-cooperativa-sociale coordinator null",
            "veneto-lavoro-s-r-l partner null");
    assertThat(batch.relationships())
        .filteredOn(r -> r.type().equals("LOCATED_IN"))
        .extracting(r -> r.from() + " " + r.to() + " line " + r.origin().line())
        .containsExactly(
            "veneto-lavoro nuts-ith3 line 3",
            "elliniko-kentro-koinonikis-entaxis nuts-el3 line 4",
            "employment-agency-ltd nuts-uk line 6",
            "beta-societa-cooperativa-sociale nuts-ith2 line 7");
    assertThat(nodes.get("nuts-ith3").properties())
        .containsEntry("nuts", "ITH3")
        .containsEntry("level", "nuts2")
        .containsEntry("country", "IT");
    assertThat(batch.relationships())
        .extracting(RelationshipRecord::key)
        .contains(
            "nuts-ith3|PART_OF|nuts-ith", "nuts-ith|PART_OF|nuts-it", "nuts-el3|PART_OF|nuts-el");

    assertThat(result.warnings())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "esf.csv:8: Regione: no NUTS region named 'Atlantide'; the organisation is located in"
                + " its country only",
            "esf.csv:8: name: 'VENETO LAVORO s.r.l.' (veneto-lavoro-s-r-l) looks like 'Veneto"
                + " Lavoro' (veneto-lavoro at esf.csv:3); if they are one organisation, merge"
                + " them: use the id 'veneto-lavoro' for both");
  }

  @Test
  void shouldReportEveryBadRowWithItsLineAndColumn() {
    String text =
        "project,organisation,role,country,start,amount\n"
            + "P1,Alfa,lead,IT,2019-01-01,100\n"
            + ",Beta,partner,IT,2019-01-01,100\n"
            + "P1,Gamma,sponsor,Atlantis,2019-02-30,lots\n"
            + "P2,,partner,FR,,\n";

    assertThatThrownBy(
            () -> {
              GraphBatch batch = read(text, ImportOptions.defaults()).batch();
              new BatchValidator().validate(batch, ids -> Map.of(), true);
            })
        .isInstanceOf(ImportException.class)
        .satisfies(
            e ->
                assertThat(((ImportException) e).problems())
                    .extracting(ImportProblem::toString)
                    .containsExactly(
                        "esf.csv:3: project: required field is empty",
                        "esf.csv:4: country: unknown country 'Atlantis'",
                        "esf.csv:4: amount: 'lots' is not a number",
                        "esf.csv:5: organisation: required field is empty"));
    String onlyRole =
        text.replace("Atlantis,2019-02-30,lots", "FR,2019-02-28,5")
            .replace(",Beta", "P1,Beta")
            .replace("P2,,", "P2,Delta,");
    GraphBatch batch = read(onlyRole, ImportOptions.defaults()).batch();
    assertThatThrownBy(() -> new BatchValidator().validate(batch, ids -> Map.of(), true))
        .hasMessageContaining("esf.csv:4: role: unknown role 'sponsor'");
  }

  @Test
  void shouldReadStrayQuotesWithQuotingOffAndColumnsMappedByAFile() throws Exception {
    String text =
        "Cod;Ente;Tipo;Nazione;NUTS\n"
            + "A1;Associazione \"Il Ponte;capofila;IT;ITG25\n"
            + "A1;Comune di Sassari;partner;IT;ITG2D\n";
    String mapping =
        """
        # an export with unbalanced quotes
        project = Cod
        organisationName = Ente
        role = Tipo
        country = Nazione
        delimiter = ;
        quoting = off
        """;
    ImportOptions options =
        MappingFile.apply(ImportOptions.defaults(), new StringReader(mapping), "veneto.map");

    ReadResult result = read(text, options);

    assertThat(result.batch().nodesById().get("associazione-il-ponte").name())
        .isEqualTo("Associazione \"Il Ponte");
    assertThat(result.batch().relationships())
        .filteredOn(r -> r.type().equals("LOCATED_IN"))
        .extracting(RelationshipRecord::to)
        .containsExactly("nuts-itg2d", "nuts-itg2d");
    assertThat(result.warnings())
        .extracting(ImportProblem::toString)
        .containsExactly("esf.csv:2: NUTS: NUTS 2016 code ITG25 is ITG2D in NUTS 2021");
  }

  @Test
  void shouldNameTheLineOfABadMappingFile() {
    assertThatThrownBy(
            () ->
                MappingFile.apply(
                    ImportOptions.defaults(),
                    new StringReader("project = Cod\nbudget = Importo\nquoting = maybe\n"),
                    "m.map"))
        .hasMessageContaining("m.map:2: budget: unknown key")
        .hasMessageContaining("m.map:3: quoting: expected on or off");
  }

  @Test
  void shouldReadWindows1252WhenTold() {
    String text = "project;organisation;country\nP1;Città di Forlì;IT\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(text.getBytes(java.nio.charset.Charset.forName("windows-1252")));

    assertThatThrownBy(
            () ->
                Importer.read(
                    ImportFormat.PARTICIPATION,
                    List.of(ImportInput.of("w.csv", bytes.toByteArray())),
                    ImportOptions.defaults()))
        .hasMessageContaining("w.csv:2: the text is not valid UTF-8");
    ReadResult result =
        Importer.read(
            ImportFormat.PARTICIPATION,
            List.of(ImportInput.of("w.csv", bytes.toByteArray())),
            ImportOptions.defaults().withCharset(java.nio.charset.Charset.forName("windows-1252")));
    assertThat(result.batch().nodesById()).containsKey("citta-di-forli");
  }

  @Test
  void shouldNormaliseCountries() {
    assertThat(Countries.iso("EL")).isEqualTo("GR");
    assertThat(Countries.iso("UK")).isEqualTo("GB");
    assertThat(Countries.iso("Deutschland")).isEqualTo("DE");
    assertThat(Countries.iso("Italia")).isEqualTo("IT");
    assertThat(Countries.iso("ESP")).isEqualTo("ES");
    assertThat(Countries.iso("  united kingdom ")).isEqualTo("GB");
    assertThat(Countries.iso("Atlantis")).isNull();
    assertThat(Countries.nutsCode("GR")).isEqualTo("EL");
  }
}
