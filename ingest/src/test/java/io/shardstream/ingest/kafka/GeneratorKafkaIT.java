package io.shardstream.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.Records;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GenerateReport;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeFailure;
import io.shardstream.schemas.serde.DecodeResult;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsLoader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generator to Kafka through the idempotent producer, configured from settings as the command line
 * configures it (schemas registered on first use): every generated event lands exactly once, in
 * order per key, and decodes to what was generated; the undecodable ones fail to decode.
 */
@ExtendWith(DevStackExtension.class)
class GeneratorKafkaIT {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratorKafkaIT.class);

  @Test
  void everyGeneratedEventLandsOnceInOrderPerKey(KafkaEndpoint kafka, RegistryEndpoint registry)
      throws Exception {
    ChangeTopics topics = new ChangeTopics(kafka);
    GeneratorOptions options = GeneratorOptions.defaults().withUsers(3000).withSeed(5);
    List<GeneratedEvent> generated = EventGenerator.stream(options).toList();
    Settings settings =
        new SettingsLoader()
            .defaults(IngestSettings.defaults())
            .environment(
                Map.of(
                    "SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SHARDSTREAM_REGISTRY_URL", registry.url().toString(),
                    "SHARDSTREAM_REGISTRY_AUTO_REGISTER", "true"))
            .load();
    Map<TopicPartition, Long> mark = topics.mark();

    GenerateReport report;
    try (KafkaEventSink sink = KafkaEventSink.fromSettings(settings)) {
      report =
          GeneratorRun.run(
              new EventGenerator(options), sink, RateLimiter.unlimited(), ProgressDisplay.none());
    }
    LOG.info("generator -> Kafka: {}", report.summary());

    assertThat(report.succeeded()).isTrue();
    assertThat(report.sent()).isEqualTo(generated.size());
    assertThat(report.acknowledged()).isEqualTo(generated.size());
    List<ConsumerRecord<String, byte[]>> produced = topics.readSince(mark, generated.size());
    assertThat(produced)
        .as("nothing lost, nothing written twice by producer retries")
        .hasSize(generated.size());

    Decoded decoded =
        new Decoded(ChangeEventSerdes.registry(IngestSettings.registry(settings)), produced);
    Map<String, List<String>> expected = new HashMap<>();
    for (GeneratedEvent event : generated) {
      expected
          .computeIfAbsent(Records.entity(event.record()), k -> new ArrayList<>())
          .add(Decoded.text(event.record()));
    }
    assertThat(decoded.perKey).isEqualTo(expected);
    assertThat(decoded.failures.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(
            generated.stream().filter(e -> e.record() instanceof ChangeRecord.Undecodable).count());
    assertThat(decoded.failures)
        .containsOnlyKeys(DecodeFailure.NOT_REGISTRY_FRAMED, DecodeFailure.UNKNOWN_SCHEMA_ID);
  }

  /**
   * Consumed records as text per key: the decoded event, or the hex of bytes that do not decode.
   */
  private static final class Decoded {
    final Map<String, List<String>> perKey = new HashMap<>();
    final Map<DecodeFailure, Long> failures = new EnumMap<>(DecodeFailure.class);

    Decoded(ChangeEventSerdes serdes, List<ConsumerRecord<String, byte[]>> records) {
      ChangeEventDecoder<UserChangeEvent> users = serdes.valueDecoder(UserChangeEvent.class);
      ChangeEventDecoder<EmailChangeEvent> emails = serdes.valueDecoder(EmailChangeEvent.class);
      for (ConsumerRecord<String, byte[]> record : records) {
        DecodeResult<?> result =
            record.topic().equals(Topics.USERS.name())
                ? users.decode(record.topic(), record.value())
                : emails.decode(record.topic(), record.value());
        String text =
            switch (result) {
              case DecodeResult.Ok<?> ok -> ok.event().toString();
              case DecodeResult.Failed<?> failed -> {
                failures.merge(failed.failure(), 1L, Long::sum);
                yield HexFormat.of().formatHex(record.value());
              }
            };
        perKey
            .computeIfAbsent(record.topic() + "/" + record.key(), k -> new ArrayList<>())
            .add(text);
      }
    }

    static String text(ChangeRecord record) {
      return switch (record) {
        case ChangeRecord.UserEventRecord user -> user.event().toString();
        case ChangeRecord.EmailEventRecord email -> email.event().toString();
        case ChangeRecord.Undecodable raw -> HexFormat.of().formatHex(raw.value());
        case ChangeRecord.EntityEvent entity -> entity.event().toString();
      };
    }
  }
}
