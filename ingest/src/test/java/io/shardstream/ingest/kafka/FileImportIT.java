package io.shardstream.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.Records;
import io.shardstream.ingest.file.BadLine;
import io.shardstream.ingest.file.EventLineParser;
import io.shardstream.ingest.file.EventLineWriter;
import io.shardstream.ingest.file.FileImporter;
import io.shardstream.ingest.file.ImportCheckpoint;
import io.shardstream.ingest.file.ImportOptions;
import io.shardstream.ingest.file.ImportReport;
import io.shardstream.ingest.file.ParsedLine;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeResult;
import io.shardstream.service.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON lines file with bad lines, imported into the real broker through the real registry, as
 * production runs it (schemas registered by a deployment step): the topics hold exactly the good
 * lines' events, keyed by the unique property, in file order per key.
 */
@ExtendWith(DevStackExtension.class)
class FileImportIT {
  private static final Logger LOG = LoggerFactory.getLogger(FileImportIT.class);
  private static final Instant IMPORTED_AT = Instant.parse("2026-11-20T12:00:00Z");
  private static final List<String> BAD_LINES =
      List.of(
          "{\"type\":\"user\",\"op\":\"UPSERT\"",
          "{\"type\":\"email\",\"op\":\"DELETE\",\"version\":\"7\",\"emailKey\":{\"email\":\"a@b.c\"}}",
          "{\"type\":\"user\",\"op\":\"DELETE\",\"version\":3,\"user\":{\"userId\":\"u-1\"}}",
          "[\"an\",\"array\"]");

  @TempDir Path directory;

  @Test
  void producesExactlyTheGoodLinesAndReportsTheBadOnes(
      KafkaEndpoint kafka, RegistryEndpoint registry) throws Exception {
    RegistrySettings registrySettings = RegistrySettings.production(registry.url());
    Topics.registerSchemas(new SchemaRegistrar(registrySettings));
    ChangeTopics topics = new ChangeTopics(kafka);
    ImportFile file = importFile(GeneratorOptions.defaults().withUsers(8000).withSeed(11));
    Map<TopicPartition, Long> mark = topics.mark();
    Path checkpoint = directory.resolve("import.checkpoint");
    ChangeEventSerdes serdes = ChangeEventSerdes.registry(registrySettings);

    ImportReport report;
    try (KafkaEventSink sink =
        KafkaEventSink.create(Map.of("bootstrap.servers", kafka.bootstrapServers()), serdes)) {
      report =
          FileImporter.run(
              file.path(),
              ImportOptions.defaults().withImportedAt(IMPORTED_AT).withCheckpoint(checkpoint),
              sink,
              ProgressDisplay.none());
    }
    LOG.info(
        "file -> Kafka: {} events in {} ms = {} events/s ({} lines, {} bad)",
        report.eventsAcknowledged(),
        report.elapsed().toMillis(),
        Math.round(report.eventsPerSecond()),
        report.lastLine(),
        report.badLineCount());

    assertThat(report.badLines())
        .extracting(BadLine::lineNumber)
        .containsExactlyElementsOf(file.badLineNumbers());
    assertThat(report.eventsAcknowledged()).isEqualTo(file.good().size());
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(ImportCheckpoint.read(checkpoint).orElseThrow().nextLine())
        .isEqualTo(report.lastLine() + 1);

    List<ConsumerRecord<String, byte[]>> produced = topics.readSince(mark, file.good().size());
    assertThat(produced).hasSize(file.good().size());
    assertThat(perKey(decode(produced, serdes))).isEqualTo(perKey(file.good()));
  }

  /**
   * The same import configured as a user would for a Confluent-compatible registry ({@code
   * registry.api=confluent}, here the registry's {@code /apis/ccompat/v7}): the events are read
   * back through Apicurio's own API, so the ids the Confluent API hands out are the registry's ids.
   */
  @Test
  void importsThroughTheConfluentApi(KafkaEndpoint kafka, RegistryEndpoint registry)
      throws Exception {
    Settings settings =
        Settings.of(
            Map.of(
                IngestSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                IngestSettings.REGISTRY_API, "confluent",
                IngestSettings.REGISTRY_URL, registry.ccompatUrl().toString()));
    RegistrySettings confluent = IngestSettings.registry(settings);
    assertThat(confluent.api()).isEqualTo(SchemaRegistryApi.CONFLUENT);
    Topics.registerSchemas(new SchemaRegistrar(confluent));
    ChangeTopics topics = new ChangeTopics(kafka);
    ImportFile file = importFile(GeneratorOptions.defaults().withUsers(400).withSeed(12));
    Map<TopicPartition, Long> mark = topics.mark();

    ImportReport report = importThroughSettings(file, settings);

    assertThat(report.badLines())
        .extracting(BadLine::lineNumber)
        .containsExactlyElementsOf(file.badLineNumbers());
    assertThat(report.eventsAcknowledged()).isEqualTo(file.good().size());
    List<ConsumerRecord<String, byte[]>> produced = topics.readSince(mark, file.good().size());
    assertThat(produced).hasSize(file.good().size());
    ChangeEventSerdes apicurio =
        ChangeEventSerdes.registry(RegistrySettings.production(registry.url()));
    assertThat(perKey(decode(produced, apicurio))).isEqualTo(perKey(file.good()));
  }

  /**
   * With {@code topics.users} and {@code topics.emails} set, as for the writer, the events go to
   * those topics and nothing to the standard ones: ingest and the writer agree on where events are.
   */
  @Test
  void producesToTheConfiguredTopics(KafkaEndpoint kafka, RegistryEndpoint registry)
      throws Exception {
    String usersTopic = "renamed.users.changes";
    String emailsTopic = "renamed.emails.changes";
    RegistrySettings registrySettings = RegistrySettings.production(registry.url());
    SchemaRegistrar registrar = new SchemaRegistrar(registrySettings);
    registrar.registerValueSchema(usersTopic, Topics.USERS.valueSchema().orElseThrow());
    registrar.registerValueSchema(emailsTopic, Topics.EMAILS.valueSchema().orElseThrow());
    ChangeTopics renamed = new ChangeTopics(kafka, List.of(usersTopic, emailsTopic));
    ChangeTopics standard = new ChangeTopics(kafka);
    ImportFile file = importFile(GeneratorOptions.defaults().withUsers(300).withSeed(13));
    Map<TopicPartition, Long> renamedMark = renamed.mark();
    Map<TopicPartition, Long> standardMark = standard.mark();
    Settings settings =
        Settings.of(
            Map.of(
                IngestSettings.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(),
                IngestSettings.REGISTRY_URL,
                registry.url().toString(),
                IngestSettings.USERS_TOPIC,
                usersTopic,
                IngestSettings.EMAILS_TOPIC,
                emailsTopic));

    ImportReport report = importThroughSettings(file, settings);

    assertThat(report.eventsAcknowledged()).isEqualTo(file.good().size());
    List<ConsumerRecord<String, byte[]>> produced =
        renamed.readSince(renamedMark, file.good().size());
    assertThat(produced).extracting(ConsumerRecord::topic).contains(usersTopic, emailsTopic);
    ChangeEventSerdes serdes = ChangeEventSerdes.registry(registrySettings);
    assertThat(perKey(decode(produced, serdes, usersTopic))).isEqualTo(perKey(file.good()));
    assertThat(standard.mark()).isEqualTo(standardMark);
  }

  /** The file imported through a sink made from {@code settings}, as the command line does. */
  private static ImportReport importThroughSettings(ImportFile file, Settings settings)
      throws IOException {
    try (KafkaEventSink sink = KafkaEventSink.fromSettings(settings)) {
      return FileImporter.run(
          file.path(),
          ImportOptions.defaults().withImportedAt(IMPORTED_AT),
          sink,
          ProgressDisplay.none());
    }
  }

  /**
   * Generated lines (valid and semantically invalid), with structurally bad lines spread among
   * them.
   */
  private ImportFile importFile(GeneratorOptions options) throws Exception {
    EventLineWriter writer = new EventLineWriter();
    EventLineParser parser = new EventLineParser(IMPORTED_AT, "file");
    List<String> lines = new ArrayList<>();
    List<Long> badLineNumbers = new ArrayList<>();
    List<ChangeRecord> good = new ArrayList<>();
    EventGenerator.stream(options)
        .filter(e -> !(e.record() instanceof ChangeRecord.Undecodable))
        .forEach(
            e -> {
              if (lines.size() % 1000 == 999) {
                lines.add(BAD_LINES.get(badLineNumbers.size() % BAD_LINES.size()));
                badLineNumbers.add((long) lines.size());
              }
              String line = writer.write(e.record(), e.note());
              lines.add(line);
              good.add(((ParsedLine.Event) parser.parse(line)).record());
            });
    Path path = directory.resolve("events.jsonl");
    Files.write(path, lines, StandardCharsets.UTF_8);
    return new ImportFile(path, badLineNumbers, good);
  }

  private record ImportFile(Path path, List<Long> badLineNumbers, List<ChangeRecord> good) {}

  /** Decodes each record and checks that its key is the unique property of the event. */
  private static List<ChangeRecord> decode(
      List<ConsumerRecord<String, byte[]>> produced, ChangeEventSerdes serdes) {
    return decode(produced, serdes, Topics.USERS.name());
  }

  /** Like {@link #decode(List, ChangeEventSerdes)}, users read from {@code usersTopic}. */
  private static List<ChangeRecord> decode(
      List<ConsumerRecord<String, byte[]>> produced, ChangeEventSerdes serdes, String usersTopic) {
    ChangeEventDecoder<UserChangeEvent> users = serdes.valueDecoder(UserChangeEvent.class);
    ChangeEventDecoder<EmailChangeEvent> emails = serdes.valueDecoder(EmailChangeEvent.class);
    List<ChangeRecord> decoded = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : produced) {
      ChangeRecord event =
          record.topic().equals(usersTopic)
              ? ChangeRecord.of(ok(users.decode(record.topic(), record.value())))
              : ChangeRecord.of(ok(emails.decode(record.topic(), record.value())));
      assertThat(record.key()).isEqualTo(event.key());
      decoded.add(event);
    }
    return decoded;
  }

  private static <T> T ok(DecodeResult<T> result) {
    assertThat(result).isInstanceOf(DecodeResult.Ok.class);
    return ((DecodeResult.Ok<T>) result).event();
  }

  /** Per entity instance, its events in order: Kafka orders per partition, hence per key. */
  private static Map<String, List<ChangeRecord>> perKey(List<ChangeRecord> records) {
    return records.stream()
        .collect(Collectors.groupingBy(Records::entity, LinkedHashMap::new, Collectors.toList()))
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
