package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.registry.RegistrySettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer as it runs in production (registry serdes, exactly_once_v2, RocksDB stores, DynamoDB
 * Local, three partitions per topic) on a generated workload of more than 10,000 records, compared
 * with the reference model: every table item, the dead letters by source offset, the counters.
 */
@ExtendWith(DevStackExtension.class)
class WriterEndToEndIT {
  private static final Logger LOG = LoggerFactory.getLogger(WriterEndToEndIT.class);
  private static final String NAME = "e2e";
  private static final Duration SETTLE = Duration.ofSeconds(120);

  @Test
  void materializesAGeneratedWorkload(
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      @TempDir Path stateDir)
      throws Exception {
    Scenario scenario =
        ScenarioGenerator.generate(20_250_601L, 1_400, ScenarioGenerator.Format.REGISTRY);
    assertThat(scenario.steps()).hasSizeGreaterThanOrEqualTo(10_000);
    ChangeEventSerdes serdes =
        ChangeEventSerdes.registry(RegistrySettings.development(registry.url()));
    var users = serdes.userEvents().serializer();
    var emails = serdes.emailEvents().serializer();

    try (LiveStack stack = new LiveStack(kafka, dynamoDb)) {
      WriterSettings settings =
          WriterSettings.from(stack.writerSettings(NAME, registry, stateDir, Map.of()));
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
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Scenario.Step> steps = new ArrayList<>();
        for (int phase = 0; phase < scenario.phases().size(); phase++) {
          for (Scenario.Step step : scenario.phases().get(phase)) {
            Planned planned = step.planned();
            String topic =
                planned.target() == Planned.Target.USERS
                    ? topics.entity("user")
                    : topics.entity("email");
            sent.add(
                producer.send(
                    new ProducerRecord<>(
                        topic,
                        planned.key() == null
                            ? null
                            : planned.key().getBytes(StandardCharsets.UTF_8),
                        planned.value(
                            users, emails, topics.entity("user"), topics.entity("email")))));
            steps.add(step);
          }
          producer.flush();
          // The next phase may depend on cascades of this one: wait until all is settled.
          long expectedEvents = steps.size();
          long expectedCascades = scenario.cascadesAfterPhase().get(phase);
          int current = phase + 1;
          LiveStack.await(
              SETTLE,
              () ->
                  metrics.eventsTotal() >= expectedEvents
                      && metrics.cascadeDeletes() >= expectedCascades,
              () ->
                  "phase "
                      + current
                      + ": events "
                      + metrics.eventsTotal()
                      + "/"
                      + expectedEvents
                      + ", cascades "
                      + metrics.cascadeDeletes()
                      + "/"
                      + expectedCascades);
          LOG.info("phase {} settled: {} records", current, expectedEvents);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(
            "writer end to end: {} records in {} s = {} events/s ({} outcomes, {} cascades)",
            steps.size(),
            String.format("%.1f", seconds),
            String.format("%.0f", steps.size() / seconds),
            scenario.outcomes(),
            scenario.model().cascades());
        var flush = writer.registry().get(WriterMetrics.FLUSH).timer();
        var requests = writer.registry().get("shardstream.writer.dynamodb.requests").timers();
        LOG.info(
            "sink: {} flushes, {} ops per flush on average, {} s flushing in all; DynamoDB: {}"
                + " BatchWriteItem requests",
            flush.count(),
            String.format(
                "%.1f", writer.registry().get(WriterMetrics.FLUSH_OPERATIONS).summary().mean()),
            String.format("%.1f", flush.totalTime(java.util.concurrent.TimeUnit.SECONDS)),
            requests.stream().mapToLong(t -> t.count()).sum());

        // The table, item by item, absences included.
        var expectedItems =
            scenario.model().expectedItems(new EntityManager(settings.entityConfig()));
        assertThat(stack.scan(settings.table())).isEqualTo(expectedItems);

        // The dead letters: exactly the invalid and refused records, by source offset.
        Map<String, String> expectedDeadLetters = new TreeMap<>();
        for (int i = 0; i < steps.size(); i++) {
          String reason = steps.get(i).expected().reason();
          if (reason != null) {
            RecordMetadata metadata = sent.get(i).get();
            expectedDeadLetters.put(
                metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset(), reason);
          }
        }
        List<ConsumerRecord<byte[], byte[]>> deadLetters =
            stack.readAll(topics.deadLetters(), expectedDeadLetters.size(), Duration.ofSeconds(30));
        Map<String, String> actualDeadLetters = new TreeMap<>();
        deadLetters.forEach(
            record ->
                actualDeadLetters.put(
                    header(record, DeadLetterHeaders.SOURCE_TOPIC)
                        + "-"
                        + header(record, DeadLetterHeaders.SOURCE_PARTITION)
                        + "@"
                        + header(record, DeadLetterHeaders.SOURCE_OFFSET),
                    header(record, DeadLetterHeaders.REASON)));
        assertThat(deadLetters).hasSize(expectedDeadLetters.size());
        assertThat(actualDeadLetters).isEqualTo(expectedDeadLetters);

        // The counters: every record once, by outcome and reason.
        assertThat(metrics.eventsTotal()).isEqualTo(steps.size());
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
        assertThat(metrics.cascadeDeletes()).isEqualTo(scenario.model().cascades());

        // The ops endpoints.
        assertThat(LiveStack.httpStatus(writer.httpPort(), "/health/live")).isEqualTo(200);
        assertThat(LiveStack.httpStatus(writer.httpPort(), "/health/ready")).isEqualTo(200);
        assertThat(LiveStack.httpGet(writer.httpPort(), "/metrics"))
            .contains(
                "shardstream_writer_events_total",
                "shardstream_writer_table_flush",
                "shardstream_writer_dynamodb_requests",
                "kafka_consumer_fetch_manager_records_lag");
      }
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
