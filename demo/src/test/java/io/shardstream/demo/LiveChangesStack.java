package io.shardstream.demo;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.ChangeTopicNames;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The demo's writer and query API on the shared test stack, with a table, topics and application id
 * of their own (so that tests in one JVM do not read each other's events), and a producer of change
 * events as a service would send them (registry framing, idempotent).
 */
final class LiveChangesStack implements AutoCloseable {
  private final DemoServices services;
  private final KafkaEventSink producer;

  private LiveChangesStack(DemoServices services, KafkaEventSink producer) {
    this.services = services;
    this.producer = producer;
  }

  /**
   * @param name a prefix for this test's table, topics and application id
   * @param queryApiSettings settings of the query API over the demo's
   */
  static LiveChangesStack start(
      String name,
      Path dataDirectory,
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      Map<String, String> queryApiSettings) {
    String users = name + ".users";
    String emails = name + ".emails";
    String changes = name + ".applied-changes";
    Map<String, String> topics =
        Map.of("topics.users", users, "topics.emails", emails, "topics.applied-changes", changes);
    Map<String, String> writer = new java.util.HashMap<>(topics);
    writer.putAll(
        Map.of(
            "application.id", name + "-writer",
            "kafka.group.instance.id", name + "-writer",
            "dynamodb.table", name));
    Map<String, String> api = new java.util.HashMap<>(topics);
    api.put("dynamodb.table", name);
    api.putAll(queryApiSettings);
    // The subjects are named after the topics: register this test's, as a deployment would.
    SchemaRegistrar registrar = new SchemaRegistrar(RegistrySettings.production(registry.url()));
    registrar.registerValueSchema(users, Topics.USERS.valueSchema().orElseThrow());
    registrar.registerValueSchema(emails, Topics.EMAILS.valueSchema().orElseThrow());
    DemoServices services =
        DemoServices.start(
            new DemoServices.Stack(kafka.bootstrapServers(), registry.url(), dynamoDb.url()),
            dataDirectory,
            false,
            0,
            0,
            writer,
            api);
    KafkaEventSink producer =
        KafkaEventSink.create(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            ChangeEventSerdes.registry(RegistrySettings.production(registry.url())),
            new ChangeTopicNames(users, emails));
    return new LiveChangesStack(services, producer);
  }

  URI queryApi() {
    return services.queryApiUri();
  }

  /** Sends a user's new state; returns once Kafka has it. */
  void upsertUser(
      String userId, String beneficiaryId, String firstName, String lastName, long version)
      throws Exception {
    Instant created = Instant.parse("2026-01-15T10:00:00Z");
    User user =
        User.newBuilder()
            .setUserId(userId)
            .setBeneficiaryId(beneficiaryId)
            .setFirstName(firstName)
            .setLastName(lastName)
            .setPhone(null)
            .setCreated(created)
            .setUpdated(created.plusSeconds(version))
            .setLocale(null)
            .build();
    send(
        new ChangeRecord.UserEventRecord(
            UserChangeEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOp(ChangeOp.UPSERT)
                .setVersion(version)
                .setOccurredAt(Instant.now())
                .setSource("live-test")
                .setUser(user)
                .setUserKey(null)
                .build()));
  }

  void deleteUser(String userId, long version) throws Exception {
    send(
        new ChangeRecord.UserEventRecord(
            UserChangeEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOp(ChangeOp.DELETE)
                .setVersion(version)
                .setOccurredAt(Instant.now())
                .setSource("live-test")
                .setUser(null)
                .setUserKey(
                    UserKey.newBuilder()
                        .setUserId(userId)
                        .setCreated(Instant.parse("2026-01-15T10:00:00Z"))
                        .build())
                .build()));
  }

  void upsertEmail(String email, String userId, long version) throws Exception {
    send(
        new ChangeRecord.EmailEventRecord(
            EmailChangeEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOp(ChangeOp.UPSERT)
                .setVersion(version)
                .setOccurredAt(Instant.now())
                .setSource("live-test")
                .setEmail(
                    Email.newBuilder()
                        .setEmail(email)
                        .setUserId(userId)
                        .setCreated(Instant.parse("2026-01-16T10:00:00Z"))
                        .build())
                .setEmailKey(null)
                .build()));
  }

  private void send(ChangeRecord record) throws Exception {
    producer.send(record).get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close();
    services.close();
  }
}
