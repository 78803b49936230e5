package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.Metrics;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.testing.LiveStack;
import io.shardstream.writer.testing.Planned;
import io.shardstream.writer.testing.Scenario;
import io.shardstream.writer.testing.ScenarioGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer configured for the Confluent Schema Registry API ({@code registry.api=confluent}),
 * against the Confluent-compatible API of the real registry ({@code /apis/ccompat/v7}): events
 * produced by the Confluent-API serializers land in the DynamoDB table exactly as the reference
 * model says, invalid ones in the dead-letter topic.
 */
@ExtendWith(DevStackExtension.class)
class WriterConfluentApiIT {
  private static final Logger LOG = LoggerFactory.getLogger(WriterConfluentApiIT.class);
  private static final String NAME = "ccompat";
  private static final Duration SETTLE = Duration.ofSeconds(120);

  @Test
  void materializesEventsWrittenThroughTheConfluentApi(
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      @TempDir Path stateDir)
      throws Exception {
    Scenario scenario =
        ScenarioGenerator.generate(20_261_206L, 120, ScenarioGenerator.Format.REGISTRY);
    ChangeEventSerdes serdes =
        ChangeEventSerdes.registry(
            RegistrySettings.development(SchemaRegistryApi.CONFLUENT, registry.ccompatUrl()));
    var users = serdes.userEvents().serializer();
    var emails = serdes.emailEvents().serializer();

    try (LiveStack stack = new LiveStack(kafka, dynamoDb)) {
      WriterSettings settings =
          WriterSettings.from(
              stack.writerSettings(
                  NAME,
                  registry,
                  stateDir,
                  Map.of(
                      WriterSettings.REGISTRY_API,
                      "confluent",
                      WriterSettings.REGISTRY_URL,
                      registry.ccompatUrl().toString())));
      assertThat(settings.registry().orElseThrow().api()).isEqualTo(SchemaRegistryApi.CONFLUENT);
      TopicNames topics = settings.topics();
      stack.createTopics(3, topics.entity("user"), topics.entity("email"));
      try (WriterService writer = WriterService.create(settings, Metrics.newRegistry("writer"));
          KafkaProducer<byte[], byte[]> producer = stack.producer()) {
        writer.start();
        LiveStack.await(
            Duration.ofSeconds(60),
            () -> writer.state() == KafkaStreams.State.RUNNING,
            () -> "writer state " + writer.state());
        WriterMetrics metrics = writer.metrics();

        long start = System.nanoTime();
        long sent = 0;
        for (int phase = 0; phase < scenario.phases().size(); phase++) {
          for (Scenario.Step step : scenario.phases().get(phase)) {
            Planned planned = step.planned();
            String topic =
                planned.target() == Planned.Target.USERS
                    ? topics.entity("user")
                    : topics.entity("email");
            producer.send(
                new ProducerRecord<>(
                    topic,
                    planned.key() == null ? null : planned.key().getBytes(StandardCharsets.UTF_8),
                    planned.value(users, emails, topics.entity("user"), topics.entity("email"))));
            sent++;
          }
          producer.flush();
          // The next phase may depend on cascades of this one: wait until all is settled.
          long expectedEvents = sent;
          long expectedCascades = scenario.cascadesAfterPhase().get(phase);
          LiveStack.await(
              SETTLE,
              () ->
                  metrics.eventsTotal() >= expectedEvents
                      && metrics.cascadeDeletes() >= expectedCascades,
              () ->
                  "events "
                      + metrics.eventsTotal()
                      + "/"
                      + expectedEvents
                      + ", cascades "
                      + metrics.cascadeDeletes()
                      + "/"
                      + expectedCascades);
        }

        LOG.info(
            "through the Confluent API: {} records ({}) in {} s",
            sent,
            scenario.outcomes(),
            String.format("%.1f", (System.nanoTime() - start) / 1e9));
        assertThat(stack.scan(settings.table()))
            .isEqualTo(scenario.model().expectedItems(new EntityManager(settings.entityConfig())));
        assertThat(metrics.eventsTotal()).isEqualTo(sent);
        for (EventOutcome outcome : EventOutcome.values()) {
          assertThat(metrics.events(outcome))
              .as(outcome.tag())
              .isEqualTo(scenario.outcomes().getOrDefault(outcome, 0L));
        }
        scenario
            .deadLetterReasons()
            .forEach(
                (reason, count) ->
                    assertThat(metrics.deadLetters(reason)).as(reason).isEqualTo(count));
      }
    }
  }
}
