package eu.netmap.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.system.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The planner's words: both languages say everything, and every pattern formats cleanly. */
class PlanTextTests {

  private static Properties bundle(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PlanText.class.getResourceAsStream(file)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void shouldSayEverythingInBothLanguages() throws IOException {
    assertThat(bundle("PlanText_it.properties").stringPropertyNames())
        .isEqualTo(bundle("PlanText.properties").stringPropertyNames());
  }

  @Test
  void shouldFormatEveryPatternWithoutLeftoversForOneAndMany() throws IOException {
    for (String lang : PlanText.LANGUAGES) {
      PlanText text = PlanText.of(lang);
      for (String key : bundle("PlanText.properties").stringPropertyNames()) {
        for (int n : new int[] {0, 1, 3}) {
          String formatted = text.format(key, n, n, "X");
          assertThat(formatted).as(lang + " " + key).doesNotContain("{", "}", "'");
        }
      }
    }
    assertThat(PlanText.of("it").format("gap.network", "COM-IN", 2, "Italia e Slovenija"))
        .isEqualTo("non fai parte di COM-IN, dove ci sono i tuoi partner Italia e Slovenija");
    assertThat(PlanText.of("en").format("reason.members", 1, "TEM"))
        .isEqualTo("1 member of your networks and projects is there: TEM");
    assertThat(PlanText.of("en").format("reason.members", 2, "A and B"))
        .isEqualTo("2 members of your networks and projects are there: A and B");
  }

  @Test
  void shouldJoinListsInTheLanguage() {
    assertThat(PlanText.of("en").list(List.of("Veneto", "Italia", "Suomi")))
        .isEqualTo("Italia, Suomi and Veneto");
    assertThat(PlanText.of("it").list(List.of("Veneto", "Italia"))).isEqualTo("Italia e Veneto");
    assertThat(PlanText.of("it").list(List.of("Veneto"))).isEqualTo("Veneto");
  }

  @Test
  void shouldChooseTheLanguageFromTheParameterThenTheHeader() {
    assertThat(PlanText.choose(null, "it-CH, fr;q=0.8").lang()).isEqualTo("it");
    assertThat(PlanText.choose(null, "fr-FR, en;q=0.2, it;q=0.5").lang()).isEqualTo("it");
    assertThat(PlanText.choose(null, "de").lang()).isEqualTo("en");
    assertThat(PlanText.choose(null, "not a header;;q=x").lang()).isEqualTo("en");
    assertThat(PlanText.choose(null, null).lang()).isEqualTo("en");
    assertThat(PlanText.choose("IT", "en").lang()).isEqualTo("it");
    assertThatThrownBy(() -> PlanText.choose("fr", null))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("Unknown language 'fr'");
  }
}
