package io.shardstream.app;

import io.shardstream.ingest.EntityTopicNames;
import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.file.JsonLinesEventSink;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GenerateReport;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.generate.PersonEventGenerator;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.service.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream generate}: realistic User/Email change events (deterministic for a seed), with
 * updates, deletes, duplicates, out-of-order and invalid events, to Kafka or a JSON lines file.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Generate realistic change events (Datafaker, deterministic for a seed) to Kafka "
            + "or to a JSON lines file.")
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--users",
      converter = CheckedValues.UserCount.class,
      defaultValue = "1000",
      description = "Users to create. Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--update-rate",
      converter = CheckedValues.Share.class,
      defaultValue = "0.25",
      description = "Share of events that update a user. Default: ${DEFAULT-VALUE}.")
  double updateRate;

  @Option(
      names = "--delete-rate",
      converter = CheckedValues.Share.class,
      defaultValue = "0.05",
      description = "Share of events that delete. Default: ${DEFAULT-VALUE}.")
  double deleteRate;

  @Option(
      names = "--duplicate-rate",
      converter = CheckedValues.Share.class,
      defaultValue = "0.03",
      description = "Share of re-sent events. Default: ${DEFAULT-VALUE}.")
  double duplicateRate;

  @Option(
      names = "--out-of-order-rate",
      converter = CheckedValues.Share.class,
      defaultValue = "0.02",
      description = "Share of out-of-order updates. Default: ${DEFAULT-VALUE}.")
  double outOfOrderRate;

  @Option(
      names = "--invalid-rate",
      converter = CheckedValues.Share.class,
      defaultValue = "0.02",
      description = "Share of invalid events. Default: ${DEFAULT-VALUE}.")
  double invalidRate;

  @Option(
      names = "--rate",
      converter = CheckedValues.EventsPerSecond.class,
      defaultValue = "0",
      description = "Events per second; 0 = as fast as possible. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write JSON lines to FILE ('-' for stdout) instead of producing to Kafka.")
  Path out;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(
      names = "--model",
      defaultValue = "user-email",
      description =
          "Which model's events: user-email (the User/Email import format, with every kind of"
              + " mess) or person (persons with addresses, bank accounts, contacts and"
              + " employments, in the generic format; --users is then the number of persons, the"
              + " rates do not apply). Default: ${DEFAULT-VALUE}.")
  String model;

  @Mixin SettingsOption settings;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    GeneratorOptions options;
    try {
      options =
          GeneratorOptions.defaults()
              .withUsers(users)
              .withSeed(seed)
              .withRates(updateRate, deleteRate, duplicateRate, outOfOrderRate, invalidRate);
    } catch (IllegalArgumentException e) {
      // Each value passed its own check; together they break a rule (the rates' sum).
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Settings loaded = settings.load(IngestSettings.defaults());
    try (EventSink sink = sink(loaded)) {
      RateLimiter limiter = RateLimiter.perSecond(rate);
      ProgressDisplay progress = ProgressDisplay.onStderr(noProgress || isStdout());
      GenerateReport report =
          switch (model) {
            case "user-email" ->
                GeneratorRun.run(new EventGenerator(options), sink, limiter, progress);
            case "person" -> {
              EntityTopicNames topics = EntityTopicNames.of(PersonEventGenerator.model(), loaded);
              List<GeneratedEvent> events = PersonEventGenerator.generate(options, topics::of);
              yield GeneratorRun.run(events.iterator(), events.size(), sink, limiter, progress);
            }
            default ->
                throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--model': '"
                        + model
                        + "' (generate knows user-email and person)");
          };
      spec.commandLine().getErr().println(report.summary());
      // Nothing here is a bad input line: a run that stopped is a problem to fix (exit 2).
      return report.succeeded() ? 0 : UserErrorHandler.USER_ERROR;
    }
  }

  private boolean isStdout() {
    return out != null && out.toString().equals("-");
  }

  private EventSink sink(Settings loaded) {
    if (out == null) {
      return KafkaEventSink.fromSettings(loaded);
    }
    return isStdout() ? JsonLinesEventSink.to(System.out) : JsonLinesEventSink.toFile(out);
  }
}
