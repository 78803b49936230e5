package io.shardstream.queryapi.ops;

import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.util.Optional;

/**
 * The dead letters and the pipeline's health, watched from Kafka while the query API runs; both
 * empty without a Kafka connection ({@link OpsSettings#kafkaConfigured()}).
 */
public final class Operations implements AutoCloseable {
  private final OpsSettings settings;
  private final Optional<DeadLetterWatch> deadLetters;
  private final Optional<PipelineWatch> pipeline;
  private final EventDecoding decoding;

  private Operations(OpsSettings settings) {
    this.settings = settings;
    this.decoding =
        new EventDecoding(
            settings.registry().map(ChangeEventSerdes::registry),
            settings.entityTopics(),
            settings.eventSchemas());
    if (settings.kafkaConfigured()) {
      this.deadLetters =
          Optional.of(
              new DeadLetterWatch(
                  settings.kafka(),
                  settings.deadLetterTopic(),
                  new DeadLetterLog(settings.latestDeadLetters())));
      this.pipeline = Optional.of(new PipelineWatch(settings));
    } else {
      this.deadLetters = Optional.empty();
      this.pipeline = Optional.empty();
    }
  }

  /** Not started: {@link #start()} begins reading and sampling. */
  public static Operations of(OpsSettings settings) {
    return new Operations(settings);
  }

  /** Nothing watched: the views answer 503. */
  public static Operations none() {
    return new Operations(OpsSettings.NONE);
  }

  public Operations start() {
    deadLetters.ifPresent(DeadLetterWatch::start);
    pipeline.ifPresent(PipelineWatch::start);
    return this;
  }

  public OpsSettings settings() {
    return settings;
  }

  public Optional<DeadLetterWatch> deadLetters() {
    return deadLetters;
  }

  public Optional<PipelineWatch> pipeline() {
    return pipeline;
  }

  public EventDecoding decoding() {
    return decoding;
  }

  @Override
  public void close() {
    deadLetters.ifPresent(DeadLetterWatch::close);
    pipeline.ifPresent(PipelineWatch::close);
  }
}
