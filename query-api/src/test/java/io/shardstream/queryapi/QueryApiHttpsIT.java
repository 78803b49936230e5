package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.TlsMaterial;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.queryapi.Http.Reply;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The query API serving HTTPS ({@code https.keystore}, {@code https.keystore.password}) on DynamoDB
 * Local: a client trusting the server's certificate gets search answers; plain HTTP on the same
 * port gets none; a bad keystore is refused when the settings are read, naming the setting.
 */
@ExtendWith(DevStackExtension.class)
class QueryApiHttpsIT {
  private static final String KEY = "https-admin-key";

  @TempDir Path directory;

  @Test
  void servesSearchesOverHttpsOnly(DynamoDbEndpoint dynamoDb) throws Exception {
    TlsMaterial tls = TlsMaterial.generate(directory.resolve("tls"));
    String table;
    try (DynamoDbClient client = LocalDynamoDb.client(dynamoDb)) {
      table = LocalQueryApi.createTable(client, "https");
      LocalQueryApi.write(
          client,
          table,
          List.of(
              SeedUsers.user(
                  "u-1", "b1", "Ada", "Lovelace", null, SeedUsers.START, SeedUsers.START),
              SeedUsers.user(
                  "u-2", "b1", "Alan", "Turing", null, SeedUsers.START, SeedUsers.START)));
    }
    Map<String, String> values = settings(dynamoDb, table);
    values.put("https.keystore", tls.keystore().toString());
    values.put("https.keystore.password", tls.password());
    values.put("api.keys", ApiKeys.hashedEntry(KEY, Optional.empty()));

    try (QueryApiServer server =
        new QueryApiServer(QueryApiSettings.from(Settings.of(values))).start()) {
      assertThat(server.localUri().getScheme()).isEqualTo("https");
      Http https = new Http(server.localUri(), trusting(tls));

      Reply found = https.get("/v1/users", Http.params("name", "lovel"), Optional.of(KEY));
      assertThat(found.status()).isEqualTo(200);
      assertThat(
              StreamSupport.stream(found.json().get("items").spliterator(), false)
                  .map(item -> item.get("userId").asText()))
          .containsExactly("u-1");
      assertThat(https.get("/v1/users", Map.of(), Optional.of("wrong")).status()).isEqualTo(401);
      assertThat(https.get("/health/ready").status()).isEqualTo(200);

      URI plain = URI.create("http://localhost:" + server.port() + "/health/live");
      try (HttpClient http =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
        assertThatThrownBy(
                () ->
                    http.send(
                        HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(IOException.class);
      }
      try (HttpClient untrusting = HttpClient.newHttpClient()) {
        assertThatThrownBy(
                () ->
                    untrusting.send(
                        HttpRequest.newBuilder(server.localUri().resolve("/health/live"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
            .as("a client that does not trust the certificate")
            .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      }
    }
  }

  @Test
  void refusesABadKeystoreNamingTheSetting(DynamoDbEndpoint dynamoDb) {
    TlsMaterial tls = TlsMaterial.generate(directory.resolve("tls"));
    Map<String, String> values = settings(dynamoDb, "any");

    values.put("https.keystore", directory.resolve("missing.p12").toString());
    values.put("https.keystore.password", tls.password());
    assertThatThrownBy(() -> QueryApiSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("setting 'https.keystore' (SHARDSTREAM_HTTPS_KEYSTORE): no readable")
        .hasMessageContaining("missing.p12");

    values.put("https.keystore", tls.keystore().toString());
    values.put("https.keystore.password", "not-the-password");
    assertThatThrownBy(() -> QueryApiSettings.from(Settings.of(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("setting 'https.keystore.password'")
        .hasMessageContaining("wrong password")
        .message()
        .doesNotContain("not-the-password");

    values.remove("https.keystore.password");
    assertThatThrownBy(() -> QueryApiSettings.from(Settings.of(values)))
        .hasMessageContaining("setting 'https.keystore.password'")
        .hasMessageContaining("missing");

    // The truststore holds a certificate but no key: it cannot serve.
    values.put("https.keystore", tls.truststore().toString());
    values.put("https.keystore.password", tls.password());
    assertThatThrownBy(() -> QueryApiSettings.from(Settings.of(values)))
        .hasMessageContaining("setting 'https.keystore'")
        .hasMessageContaining("no private key");
  }

  private static Map<String, String> settings(DynamoDbEndpoint dynamoDb, String table) {
    Map<String, String> values = new HashMap<>(QueryApiSettings.defaults());
    values.put("http.host", "localhost");
    values.put("http.port", "0");
    values.put("dynamodb.endpoint", dynamoDb.url().toString());
    values.put("dynamodb.region", DynamoDbEndpoint.REGION);
    values.put("dynamodb.table", table);
    values.put("control.table", "none");
    return values;
  }

  /** A client that trusts exactly the certificate in the material's truststore. */
  private static HttpClient trusting(TlsMaterial tls) throws Exception {
    KeyStore trusted = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
    try (InputStream in = Files.newInputStream(tls.truststore())) {
      trusted.load(in, tls.password().toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
