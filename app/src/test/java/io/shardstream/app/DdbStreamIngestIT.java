package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.ingest.stream.DdbStreamSource;
import io.shardstream.ingest.stream.KclTimings;
import io.shardstream.ingest.stream.SourceEntity;
import io.shardstream.ingest.stream.SourceMapping;
import io.shardstream.ingest.stream.SourceTables;
import io.shardstream.ingest.stream.StreamSourceConfig;
import io.shardstream.service.Metrics;
import io.shardstream.service.Settings;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Items written to a source table in DynamoDB Local arrive as events in Kafka (through KCL and the
 * streams adapter) and then, through the writer, as items in the projected single table.
 */
@ExtendWith(DevStackExtension.class)
class DdbStreamIngestIT {
  private static final Logger LOG = LoggerFactory.getLogger(DdbStreamIngestIT.class);

  @Test
  void sourceTableChangesBecomeProjectedItems(
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      @TempDir Path stateDir)
      throws Exception {
    String name = "ddbsrc" + System.nanoTime();
    String source = name + "-users";
    try (DynamoDbClient dynamo = LocalDynamoDb.client(dynamoDb);
        WriterService writer =
            WriterService.create(
                WriterSettings.from(writerSettings(name, kafka, dynamoDb, registry, stateDir)),
                Metrics.newRegistry("writer"))) {
      SourceTables.createUserTable(dynamo, source);
      writer.start();
      ProgressWait.awaitProgress(
          "writer running",
          "writer state",
          writer::state,
          () -> writer.state() == KafkaStreams.State.RUNNING);

      StreamSourceConfig config =
          StreamSourceConfig.of(SourceMapping.of(source, SourceEntity.USER), dynamoDb.url())
              .withTimings(KclTimings.responsive());
      Settings ingest =
          Settings.of(
              Map.of(
                  IngestSettings.BOOTSTRAP_SERVERS,
                  kafka.bootstrapServers(),
                  IngestSettings.REGISTRY_URL,
                  registry.url().toString(),
                  IngestSettings.REGISTRY_AUTO_REGISTER,
                  "true"));
      long start = System.nanoTime();
      try (KafkaEventSink sink = KafkaEventSink.fromSettings(ingest);
          DdbStreamSource stream = DdbStreamSource.start(config, sink)) {
        SourceTables.putUser(dynamo, source, "u-1", 1, "Ana");
        SourceTables.putUser(dynamo, source, "u-1", 2, "Ana María");
        SourceTables.putUser(dynamo, source, "u-2", 1, "Bo");
        SourceTables.putUser(dynamo, source, "u-3", 1, "Cy");
        dynamo.deleteItem(
            r -> r.tableName(source).key(Map.of("userId", AttributeValue.fromS("u-3"))));

        // KCL's lease and shard discovery show nothing countable: its stats are all there is.
        ProgressWait.until("KCL started", stream.started()::isDone)
            .progress("stream stats", () -> stream.stats().summary())
            .stallTimeout(Duration.ofSeconds(120))
            .await();
        stream.started().get();
        LOG.info("KCL started after {} s", (System.nanoTime() - start) / 1_000_000_000);
        ProgressWait.awaitProgress(
            "5 source changes produced",
            "stream stats",
            () -> stream.stats().summary(),
            () -> stream.stats().produced() >= 5);
        ProgressWait.awaitProgress(
            "users u-1 and u-2 projected",
            "projected users and writer events",
            () -> List.of(projectedUsers(dynamo, name), writer.metrics().eventsTotal()),
            () -> projectedUsers(dynamo, name).equals(Map.of("u-1", "Ana María", "u-2", "Bo")));
        LOG.info(
            "source -> Kafka -> writer -> table after {} s",
            (System.nanoTime() - start) / 1_000_000_000);
        assertThat(stream.stats().rejected()).isZero();
        assertThat(stream.failure()).isEmpty();
      }
    }
  }

  @Test
  void theCommandExplainsAMissingTableOrStream(DynamoDbEndpoint dynamoDb, KafkaEndpoint kafka) {
    try (DynamoDbClient dynamo = LocalDynamoDb.client(dynamoDb)) {
      String plain = "ddbsrc-plain-" + System.nanoTime();
      dynamo.createTable(
          r ->
              r.tableName(plain)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName("userId")
                          .keyType(KeyType.HASH)
                          .build())
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("userId")
                          .attributeType(ScalarAttributeType.S)
                          .build()));

      String[] common = {"--entity", "user", "--endpoint", dynamoDb.url().toString()};
      Run missing = run(common, "--table", "no-such-table");
      Run noStream = run(common, "--table", plain);
      Run noEntity = run(new String[0], "--table", plain);

      assertThat(missing.code()).isEqualTo(2);
      assertThat(missing.err())
          .contains("source table 'no-such-table' not found at " + dynamoDb.url())
          .doesNotContain("\tat ");
      assertThat(noStream.code()).isEqualTo(2);
      assertThat(noStream.err())
          .contains("has no stream: enable one with view type NEW_AND_OLD_IMAGES");
      assertThat(noEntity.code()).isEqualTo(2);
      assertThat(noEntity.err()).contains("--entity user|email");
    }
  }

  private record Run(int code, String err) {}

  private static Run run(String[] common, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = ShardstreamCommand.newCommandLine();
    cli.setErr(new PrintWriter(err));
    List<String> all = new java.util.ArrayList<>(List.of("ingest", "ddb-stream"));
    all.addAll(List.of(args));
    all.addAll(List.of(common));
    return new Run(cli.execute(all.toArray(String[]::new)), err.toString());
  }

  /** userId → firstName of the user items the writer projected into table {@code name}. */
  private static Map<String, String> projectedUsers(DynamoDbClient dynamo, String table) {
    Map<String, String> users = new TreeMap<>();
    dynamo
        .scanPaginator(r -> r.tableName(table))
        .items()
        .forEach(
            item -> {
              if (item.containsKey("userId") && item.containsKey("firstName")) {
                users.put(item.get("userId").s(), item.get("firstName").s());
              }
            });
    return users;
  }

  private static Settings writerSettings(
      String name,
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      Path stateDir) {
    Map<String, String> values = new HashMap<>(WriterSettings.defaults());
    values.put(WriterSettings.APPLICATION_ID, name + "-writer");
    values.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    values.put("kafka.state.dir", stateDir.toString());
    values.put("kafka.commit.interval.ms", "200");
    values.put("registry.url", registry.url().toString());
    values.put(WriterSettings.CREATE_SOURCE_TOPICS, "true");
    values.put("dynamodb.endpoint", dynamoDb.url().toString());
    values.put("dynamodb.region", DynamoDbEndpoint.REGION);
    values.put(WriterSettings.DYNAMODB_TABLE, name);
    values.put(WriterSettings.HTTP_HOST, "127.0.0.1");
    values.put(WriterSettings.HTTP_PORT, "0");
    values.put(WriterSettings.FAILURE_BACKOFF, "1s");
    return Settings.of(values);
  }
}
