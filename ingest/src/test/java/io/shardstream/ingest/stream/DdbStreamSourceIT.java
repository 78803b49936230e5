package io.shardstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.InMemoryEventSink;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** KCL against DynamoDB Local: items written to a source table arrive as events, in order per key. */
@ExtendWith(DevStackExtension.class)
class DdbStreamSourceIT {
  private static final Logger LOG = LoggerFactory.getLogger(DdbStreamSourceIT.class);

  @Test
  void insertsModificationsAndRemovalsArriveAsEvents(DynamoDbEndpoint endpoint) throws Exception {
    String table = "users-src-" + System.nanoTime();
    try (DynamoDbClient dynamo = client(endpoint)) {
      SourceTables.createUserTable(dynamo, table);
      InMemoryEventSink sink = new InMemoryEventSink();
      StreamSourceConfig config = StreamSourceConfig.of(SourceMapping.of(table, SourceEntity.USER), endpoint.url())
          .withTimings(KclTimings.responsive());
      long start = System.nanoTime();
      try (DdbStreamSource source = DdbStreamSource.start(config, sink)) {
        dynamo.putItem(r -> r.tableName(table).item(SourceTables.user("u-1", 1, "Ana")));
        dynamo.putItem(r -> r.tableName(table).item(SourceTables.user("u-1", 2, "Ana María")));
        dynamo.putItem(r -> r.tableName(table).item(SourceTables.user("u-2", 1, "Bo")));
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of("userId", AttributeValue.fromS("u-2"))));
        Map<String, AttributeValue> noVersion = new java.util.HashMap<>(SourceTables.user("u-3", 1, "Cy"));
        noVersion.remove("version");
        dynamo.putItem(r -> r.tableName(table).item(noVersion));

        source.started().get(120, TimeUnit.SECONDS);
        LOG.info("KCL started after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
        Polling.until(Duration.ofSeconds(90), () -> sink.records().size() >= 4 && source.stats().rejected() >= 1);
        LOG.info("4 events after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
      }
      List<UserChangeEvent> events = sink.records().stream()
          .map(r -> ((ChangeRecord.UserChange) r).event()).toList();
      assertThat(events).extracting(e -> e.getOp() + " " + key(e) + " v" + e.getVersion())
          .containsExactly("UPSERT u-1 v1", "UPSERT u-1 v2", "UPSERT u-2 v1", "DELETE u-2 v2");
      assertThat(events.get(1).getUser().getFirstName()).isEqualTo("Ana María");
      assertThat(events.get(3).getUserKey().getCreated()).isEqualTo(events.get(2).getUser().getCreated());
    }
  }

  private static String key(UserChangeEvent event) {
    return event.getUser() != null ? event.getUser().getUserId() : event.getUserKey().getUserId();
  }

  static DynamoDbClient client(DynamoDbEndpoint endpoint) {
    return DynamoDbClient.builder().endpointOverride(endpoint.url()).region(Region.of(DynamoDbEndpoint.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(DynamoDbEndpoint.ACCESS_KEY_ID, DynamoDbEndpoint.SECRET_ACCESS_KEY)))
        .build();
  }
}
