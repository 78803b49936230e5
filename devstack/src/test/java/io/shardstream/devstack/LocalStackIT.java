package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.DynamoDbLocalIT.DynamoDbClients;
import io.shardstream.devstack.junit.SharedDevStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The launcher as {@code shardstream demo} uses it: several components in one stack. */
class LocalStackIT {

  private static final Logger log = LoggerFactory.getLogger(LocalStackIT.class);

  @Test
  void startsEveryComponentAndStopsThemAll() throws Exception {
    // The shared data folder, so the registry distribution unpacked there is reused.
    LocalStackConfig config = LocalStackConfig.forTests(SharedDevStack.dataDirectory());
    long begin = System.nanoTime();
    LocalStackEndpoints endpoints;
    try (LocalStack stack = LocalStack.start(config)) {
      log.info("full stack started in {} ms", (System.nanoTime() - begin) / 1_000_000);
      endpoints = stack.endpoints();

      try (Admin admin =
          Admin.create(
              Map.<String, Object>of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }
      try (DynamoDbClient dynamoDb = DynamoDbClients.client(endpoints.dynamoDb())) {
        assertThat(dynamoDb.listTables().tableNames()).isNotNull();
      }
      assertThat(get(URI.create(endpoints.registryCcompatUrl() + "/subjects"))).isEqualTo(200);
    }

    assertThat(isFree(port(endpoints.kafkaBootstrapServers()))).as("Kafka port released").isTrue();
    assertThat(isFree(endpoints.dynamoDbUrl().getPort())).as("DynamoDB port released").isTrue();
    assertThat(isFree(endpoints.registryUrl().getPort())).as("registry process ended").isTrue();
  }

  @Test
  void persistentDynamoDbKeepsTablesAcrossRestarts(@TempDir Path dataDirectory) {
    LocalStackConfig config =
        LocalStackConfig.forTests(dataDirectory)
            .withComponents(Component.DYNAMODB)
            .withDynamoDbStorage(DynamoDbStorage.PERSISTENT);

    try (LocalStack first = LocalStack.start(config);
        DynamoDbClient client = DynamoDbClients.client(first.endpoints().dynamoDb())) {
      DynamoDbClients.createTable(client, "survivor");
    }
    try (LocalStack second = LocalStack.start(config);
        DynamoDbClient client = DynamoDbClients.client(second.endpoints().dynamoDb())) {
      assertThat(client.listTables().tableNames()).containsExactly("survivor");
    }
    assertThat(dataDirectory.resolve("dynamodb")).isDirectoryContaining("glob:**.db");

    try (LocalStack fresh = LocalStack.start(config.withFresh(true));
        DynamoDbClient client = DynamoDbClients.client(fresh.endpoints().dynamoDb())) {
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }

  /** What keeps Ctrl-C from stopping Kafka under the demo's writer while it still commits. */
  @Test
  void closesItsDependentsBeforeStoppingTheComponents(@TempDir Path dataDirectory) {
    LocalStackConfig config =
        LocalStackConfig.forTests(dataDirectory).withComponents(Component.DYNAMODB);
    AtomicBoolean dynamoDbServedWhenClosed = new AtomicBoolean();

    try (LocalStack stack = LocalStack.start(config)) {
      int port = stack.endpoints().dynamoDbUrl().getPort();
      stack.closeBeforeStopping(() -> dynamoDbServedWhenClosed.set(!isFree(port)));
    }

    assertThat(dynamoDbServedWhenClosed).isTrue();
  }

  private static int get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int port(String bootstrapServers) {
    return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
  }

  private static boolean isFree(int port) {
    try (ServerSocket probe = new ServerSocket(port)) {
      return probe.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
