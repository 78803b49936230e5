package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.junit.DevStackExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
class RegistryIT {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String USER_SCHEMA =
      """
      {"type":"record","name":"User","namespace":"io.shardstream.it","fields":[{"name":"userId","type":"string"}]}\
      """;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void registersAnAvroSchemaThroughTheConfluentCompatibleApiAndReadsItBack(
      RegistryEndpoint registry) throws Exception {
    String subject = "users.changes-" + UUID.randomUUID() + "-value";
    String body = "{\"schemaType\":\"AVRO\",\"schema\":" + jsonString(USER_SCHEMA) + "}";

    HttpResponse<String> registered =
        send(
            HttpRequest.newBuilder(
                    URI.create(registry.ccompatUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(registered.statusCode()).isEqualTo(200);
    String id = registered.body().replaceAll("\\D", "");

    HttpResponse<String> byId =
        send(HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + "/schemas/ids/" + id)));
    HttpResponse<String> latest =
        send(
            HttpRequest.newBuilder(
                URI.create(registry.ccompatUrl() + "/subjects/" + subject + "/versions/latest")));

    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.body()).contains("\"schema\":" + jsonString(USER_SCHEMA));
    assertThat(latest.body())
        .contains("\"subject\":\"" + subject + "\"", "\"version\":1", "\"id\":" + id);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String jsonString(String raw) {
    return "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
