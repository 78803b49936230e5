package io.shardstream.demo;

import io.shardstream.app.UserException;
import io.shardstream.devstack.LocalStackEndpoints;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.EntityTopicNames;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.generate.EventKind;
import io.shardstream.ingest.generate.GenerateReport;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.generate.PersonEventGenerator;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.service.Settings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/** Generates the Person model's events (persons and their related items) into Kafka. */
final class DemoPersonFeed {
  /** What was sent, and a person alive at the end to build example requests from. */
  record Result(long sent, Optional<GenericRecord> samplePerson) {}

  private DemoPersonFeed() {}

  static Result run(
      LocalStackEndpoints endpoints,
      int persons,
      long seed,
      double rate,
      boolean noProgress,
      PrintWriter out) {
    GeneratorOptions options =
        GeneratorOptions.defaults().withUsers(persons).withSeed(seed).withBaseTime(Instant.now());
    Settings settings = DemoFeed.producerSettings(endpoints);
    EntityTopicNames topics = EntityTopicNames.of(PersonEventGenerator.model(), settings);
    List<GeneratedEvent> events = PersonEventGenerator.generate(options, topics::of);
    out.println(
        "Generating "
            + persons
            + " persons with addresses, bank accounts, contacts and employments ("
            + events.size()
            + " change events, some deliberately invalid) ...");
    out.flush();
    try (KafkaEventSink sink = KafkaEventSink.fromSettings(settings)) {
      GenerateReport report =
          GeneratorRun.run(
              events.iterator(),
              events.size(),
              sink,
              RateLimiter.perSecond(rate),
              ProgressDisplay.onStderr(noProgress));
      out.println(report.summary());
      if (!report.succeeded()) {
        throw new UserException("generating events failed: " + report.failure());
      }
      return new Result(report.sent(), sample(events));
    }
  }

  /** The first person created that no later event deletes, in its latest state. */
  private static Optional<GenericRecord> sample(List<GeneratedEvent> events) {
    Set<String> deleted = new HashSet<>();
    for (GeneratedEvent event : events) {
      if (event.kind() == EventKind.DELETE
          && event.record() instanceof ChangeRecord.EntityEvent e
          && e.entity().equals("person")) {
        deleted.add(e.key());
      }
    }
    GenericRecord sample = null;
    for (GeneratedEvent event : events) {
      if (event.expectedValid()
          && event.record() instanceof ChangeRecord.EntityEvent e
          && e.entity().equals("person")
          && !deleted.contains(e.key())
          && (sample == null || sample.get("id").toString().equals(e.key()))
          && e.event().get("person") instanceof GenericRecord state) {
        sample = state;
      }
    }
    return Optional.ofNullable(sample);
  }
}
