package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTests {

  private static List<Table.Row> rows(byte[] bytes, ImportOptions options) {
    try (Table table = Table.open(new ByteArrayInputStream(bytes), "t.csv", options)) {
      List<Table.Row> rows = new ArrayList<>();
      table.forEach(rows::add);
      return rows;
    }
  }

  private static List<Table.Row> rows(String text) {
    return rows(text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
  }

  @Test
  void shouldReadSemicolonsAndCrlfWithTheLineOfEachRow() {
    List<Table.Row> rows = rows("a;b;c\r\n1;2;3\r\n\r\n4;5;6\r\n");

    assertThat(rows).extracting(Table.Row::line).containsExactly(2, 4);
    assertThat(rows.get(1).values()).containsExactly("4", "5", "6");
  }

  @Test
  void shouldCountTheLinesOfMultiLineFieldsAndHeaders() {
    String text =
        "\"Project\nID\",Name\n"
            + "p1,\"first line\nsecond line\"\n"
            + "p2,plain\n"
            + "p3,\"a\r\nb\r\nc\"\n"
            + "p4,last\n";
    try (Table table =
        Table.open(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            "t.csv",
            ImportOptions.defaults())) {
      assertThat(table.header()).containsExactly("Project ID", "Name");
      assertThat(table.column("project_id")).isZero();
      List<Table.Row> rows = new ArrayList<>();
      table.forEach(rows::add);
      assertThat(rows).extracting(Table.Row::line).containsExactly(3, 5, 6, 9);
      assertThat(rows.get(0).get(1)).isEqualTo("first line\nsecond line");
    }
  }

  @Test
  void shouldSkipAByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "id,name\nx,Ünïcode\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);

    try (Table table =
        Table.open(new ByteArrayInputStream(bytes), "t.csv", ImportOptions.defaults())) {
      assertThat(table.header()).containsExactly("id", "name");
      assertThat(table.column("id")).isZero();
    }
    assertThat(rows(bytes, ImportOptions.defaults()).get(0).get(1)).isEqualTo("Ünïcode");
  }

  @Test
  void shouldPointAtAStrayQuoteAndSuggestQuotingOff() {
    String text = "id;name\n1;ok\n2;\"La Rondine soc. coop;x\n3;after\n";

    assertThatThrownBy(() -> rows(text))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("t.csv:3:")
        .hasMessageContaining("quoting off");
  }

  @Test
  void shouldKeepStrayQuotesAsTextWithQuotingOff() {
    String text = "id;name\n1;ok\n2;\"La Rondine soc. coop;x\n3;Say \"hi\n";

    List<Table.Row> rows =
        rows(text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults().withQuoting(false));

    assertThat(rows).extracting(Table.Row::line).containsExactly(2, 3, 4);
    assertThat(rows.get(1).values()).containsExactly("2", "\"La Rondine soc. coop", "x");
    assertThat(rows.get(2).get(1)).isEqualTo("Say \"hi");
  }

  @Test
  void shouldReportTextThatIsNotInTheEncodingAndReadItWithTheRightOne() {
    byte[] latin1 = "id;name\n1;Citt\u00e0 di Forl\u00ec\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> rows(latin1, ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("t.csv:2: the text is not valid UTF-8");
    assertThat(rows(latin1, ImportOptions.defaults().withCharset(Charset.forName("windows-1252"))))
        .extracting(row -> row.get(1))
        .containsExactly("Città di Forlì");
  }

  @Test
  void shouldReadNonLatinNames() {
    List<Table.Row> rows = rows("id,name\n1,Περιφέρεια Αττικής\n2,София\n3,北京\n");

    assertThat(rows)
        .extracting(row -> row.get(1))
        .containsExactly("Περιφέρεια Αττικής", "София", "北京");
    assertThat(Slugs.idOf("Περιφέρεια Αττικής")).isEqualTo("perifereia-attikis");
    assertThat(Slugs.idOf("София")).isEqualTo("sofiya");
    assertThat(Slugs.idOf("北京")).startsWith("n-").hasSize(12).isEqualTo(Slugs.idOf(" 北京 "));
  }

  @Test
  void shouldDetectTheDelimiterFromTheHeaderLine() {
    assertThat(rows("a\tb\n1\t2\n").get(0).values()).containsExactly("1", "2");
    assertThat(rows("\"x;y\",b,c\n1,2,3\n").get(0).values()).containsExactly("1", "2", "3");
  }
}
