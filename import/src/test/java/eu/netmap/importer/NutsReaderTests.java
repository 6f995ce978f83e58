package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.importer.nuts.NutsRegions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NutsReaderTests {

  @Test
  void shouldReadTheShippedNuts2021ListAsRegionsWithParents() {
    GraphBatch batch =
        Importer.read(ImportFormat.NUTS, List.of(), ImportOptions.defaults()).batch();

    new BatchValidator().validate(batch, ids -> Map.of(), true);
    // 2,007 regions of levels 0-3 plus the Source node citing Eurostat GISCO
    assertThat(batch.nodes()).hasSize(2_008);
    Map<String, NodeRecord> nodes = batch.nodesById();
    assertThat(nodes.get("nuts-ith2").properties())
        .containsEntry("name", "Provincia Autonoma di Trento")
        .containsEntry("nuts", "ITH2")
        .containsEntry("level", "nuts2")
        .containsEntry("country", "IT")
        .containsEntry("sources", List.of("src-gisco-nuts-2021"));
    assertThat(nodes.get("nuts-el").properties())
        .containsEntry("name", "Ελλάδα")
        .containsEntry("nameLatin", "Elláda")
        .containsEntry("level", "country")
        .containsEntry("country", "GR");
    assertThat(nodes.get("src-gisco-nuts-2021").properties())
        .containsEntry("credit", "© EuroGeographics for the administrative boundaries");
    // every region but the 37 countries has a parent
    assertThat(batch.relationships()).hasSize(2_007 - 37);
    assertThat(batch.relationships())
        .extracting(RelationshipRecord::key)
        .contains("nuts-ith2|PART_OF|nuts-ith", "nuts-ith|PART_OF|nuts-it");
  }

  @Test
  void shouldFindRegionsByNameAndOldCodes() {
    NutsRegions nuts = NutsRegions.bundled();

    assertThat(nuts.byName("Regione Toscana", "IT"))
        .extracting(NutsRegions.Region::code)
        .containsExactly("ITI1");
    assertThat(nuts.byName("toscana", null))
        .extracting(NutsRegions.Region::code)
        .containsExactly("ITI1");
    assertThat(nuts.byName("Attiki", "EL"))
        .extracting(NutsRegions.Region::code)
        .containsExactly("EL3", "EL30");
    assertThat(nuts.resolve("ITG25").region().code()).isEqualTo("ITG2D");
    assertThat(nuts.resolve("ITG25").note())
        .isEqualTo("NUTS 2016 code ITG25 is ITG2D in NUTS 2021");
    assertThat(nuts.resolve("ith2").note()).isNull();
    assertThat(nuts.resolve("XX99")).isNull();
  }

  @Test
  void shouldReportBadRowsOfAGivenList() {
    String list =
        "NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN,NUTS_NAME\nXX,0,XX,Ex,Ex\nXX1,2,XX,Wrong,Wrong\nxx 2,1,XX,Bad,Bad\n";

    assertThatThrownBy(
            () ->
                Importer.read(
                    ImportFormat.NUTS,
                    List.of(ImportInput.of("nuts.csv", list.getBytes(StandardCharsets.UTF_8))),
                    ImportOptions.defaults()))
        .hasMessageContaining("nuts.csv:3: LEVL_CODE: level 2 does not match the code XX1")
        .hasMessageContaining("nuts.csv:4: NUTS_ID: not a NUTS code");
  }
}
