package io.shardstream.demo;

import io.shardstream.app.UserException;
import io.shardstream.devstack.LocalStackEndpoints;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.EventKind;
import io.shardstream.ingest.generate.GenerateReport;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.User;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsLoader;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Generates the demo's users (with updates, deletes and some invalid events) into Kafka. */
final class DemoFeed {
  /** What was sent, and one user to build example requests from. */
  record Result(long sent, Optional<User> sampleUser) {}

  private DemoFeed() {}

  static Result run(
      LocalStackEndpoints endpoints,
      int users,
      long seed,
      double rate,
      boolean noProgress,
      PrintWriter out) {
    GeneratorOptions options =
        GeneratorOptions.defaults().withUsers(users).withSeed(seed).withBaseTime(Instant.now());
    SampleUser sample = new SampleUser(new EventGenerator(options));
    Settings settings = producerSettings(endpoints);
    out.println(
        "Generating "
            + users
            + " users (about "
            + options.expectedEvents()
            + " change events, some deliberately invalid) ...");
    out.flush();
    try (KafkaEventSink sink = KafkaEventSink.fromSettings(settings)) {
      GenerateReport report =
          GeneratorRun.run(
              sample,
              options.expectedEvents(),
              sink,
              RateLimiter.perSecond(rate),
              ProgressDisplay.onStderr(noProgress));
      out.println(report.summary());
      if (!report.succeeded()) {
        throw new UserException("generating events failed: " + report.failure());
      }
      return new Result(report.sent(), Optional.ofNullable(sample.user));
    }
  }

  /** The producers' settings against the local stack. */
  static Settings producerSettings(LocalStackEndpoints endpoints) {
    return new SettingsLoader()
        .defaults(IngestSettings.defaults())
        .defaults(
            Map.of(
                "kafka.bootstrap.servers",
                endpoints.kafkaBootstrapServers(),
                "registry.url",
                endpoints.registryUrl().toString()))
        .load();
  }

  /**
   * Passes events through, remembering a user for the example requests: the first one created, in
   * its latest state, replaced by the next one created if it is deleted later in the stream (an
   * example that answers 404 would look like a fault).
   */
  private static final class SampleUser implements Iterator<GeneratedEvent> {
    private final Iterator<GeneratedEvent> events;
    private User user;

    SampleUser(Iterator<GeneratedEvent> events) {
      this.events = events;
    }

    @Override
    public boolean hasNext() {
      return events.hasNext();
    }

    @Override
    public GeneratedEvent next() {
      GeneratedEvent event = events.next();
      if (event.record() instanceof ChangeRecord.UserEventRecord change) {
        observe(event.kind(), change);
      }
      return event;
    }

    private void observe(EventKind kind, ChangeRecord.UserEventRecord change) {
      boolean sample = user != null && user.getUserId().equals(change.key());
      switch (kind) {
        case CREATE -> {
          if (user == null && change.event().getOp() == ChangeOp.UPSERT) {
            user = change.event().getUser();
          }
        }
        case UPDATE -> {
          if (sample && change.event().getOp() == ChangeOp.UPSERT) {
            user = change.event().getUser();
          }
        }
        case DELETE -> {
          if (sample) {
            user = null;
          }
        }
        default -> {
          // duplicates, stale and invalid events change nothing the writer keeps
        }
      }
    }
  }
}
