package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Large answers are gzip-compressed for clients that accept it, and only for them. */
class CompressionTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;

  @Test
  void graphJsonIsCompressedWhenTheClientAcceptsGzip() throws Exception {
    Api api = new Api(port);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> zipped =
        http.send(
            HttpRequest.newBuilder(api.uri("/api/graph?limit=1000"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String text;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the same document as without compression, in fewer bytes
    Api.Response plain = api.get("/api/graph?limit=1000");
    assertThat(plain.json()).isEqualTo(new Api.Response(200, "", text).json());
    assertThat(zipped.body().length)
        .isLessThan(plain.text().getBytes(StandardCharsets.UTF_8).length / 3);

    HttpResponse<byte[]> unzipped =
        http.send(
            HttpRequest.newBuilder(api.uri("/api/graph?limit=1000")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(unzipped.headers().firstValue("Content-Encoding")).isEmpty();
  }
}
