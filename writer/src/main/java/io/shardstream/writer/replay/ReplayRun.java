package io.shardstream.writer.replay;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeResult;
import io.shardstream.service.ConsumerLag;
import io.shardstream.service.Metrics;
import io.shardstream.writer.TopicNames;
import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.stage.EntityLinks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay: the writer's topology under a replay application id (its own consumer group, internal
 * topics and state) from the earliest offsets into a new table, until it has caught up; then the
 * {@link Projection} of the same records, for the {@link ReplayVerifier}.
 *
 * <p>The application id is derived from the table ({@link #applicationId}), so running the same
 * replay again after a crash resumes from the offsets it committed (which Kafka Streams commits
 * only after the table writes are durable), and running it again after it finished finds nothing
 * left to do.
 *
 * <p>Caught up means: the group's committed offsets have reached the end of both source topics and
 * both internal topics (so every cascade has been applied too), unchanged for {@code stableFor}.
 */
public final class ReplayRun {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayRun.class);

  /** What the progress display shows. */
  public record Progress(
      long sourceRecords, long sourceDone, long internalLag, long events, double eventsPerSecond) {
    public long sourceLag() {
      return sourceRecords - sourceDone;
    }
  }

  /** Called on every poll of the lag. */
  @FunctionalInterface
  public interface Listener {
    void progress(Progress progress);
  }

  /**
   * @param sourcePositions the replay's committed offsets on the source topics when it stopped: the
   *     table holds exactly the effect of the records before them
   * @param events events this run processed (0 when it resumed with nothing left)
   */
  public record Summary(Map<TopicPartition, Long> sourcePositions, long events, Duration elapsed) {}

  private final WriterSettings settings;
  private final Duration pollInterval;
  private final Duration stableFor;

  /**
   * @param settings the replay's settings ({@link WriterSettings#forReplay})
   */
  public ReplayRun(WriterSettings settings, Duration pollInterval, Duration stableFor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.stableFor = Objects.requireNonNull(stableFor, "stableFor");
  }

  /** {@code <base>-replay-<table>}: deterministic, so re-running a replay resumes it. */
  public static String applicationId(String baseApplicationId, String table) {
    return baseApplicationId + "-replay-" + table;
  }

  /**
   * Runs the replay until it has caught up, then stops it (committing what it processed).
   *
   * @throws IllegalStateException the replay's Kafka Streams stopped on its own (a fatal error)
   */
  public Summary run(Listener listener) throws InterruptedException {
    long start = System.nanoTime();
    TopicNames topics = settings.topics();
    EntityLinks links = new EntityLinks(settings.entityConfig());
    List<String> sources = topics.sources();
    List<String> internal = List.copyOf(topics.internal(links).keySet());
    List<String> all = topics.consumed(links);
    try (WriterService writer = WriterService.create(settings, Metrics.newRegistry("replay"));
        Admin admin = Admin.create(clientSettings(settings))) {
      writer.start();
      Map<TopicPartition, Long> stablePositions = null;
      long stableSince = 0;
      long lastEvents = 0;
      long lastAt = System.nanoTime();
      double rate = 0;
      while (true) {
        if (writer.terminated().isDone()) {
          throw new IllegalStateException(
              "the replay's Kafka Streams stopped ("
                  + writer.terminated().getNow(KafkaStreams.State.ERROR)
                  + ") before catching up;"
                  + " see the log above, fix the cause and run the same replay again to resume");
        }
        ConsumerLag lag = ConsumerLag.read(admin, settings.applicationId(), all);
        long events = writer.metrics().eventsTotal();
        long now = System.nanoTime();
        double seconds = (now - lastAt) / 1e9;
        if (seconds > 0) {
          double current = (events - lastEvents) / seconds;
          rate = rate == 0 ? current : 0.7 * rate + 0.3 * current;
        }
        lastEvents = events;
        lastAt = now;
        long sourceRecords = lag.endOffsets(sources);
        listener.progress(
            new Progress(
                sourceRecords, sourceRecords - lag.lag(sources), lag.lag(internal), events, rate));
        boolean running = writer.state() == KafkaStreams.State.RUNNING;
        if (running && lag.total() == 0) {
          Map<TopicPartition, Long> positions = lag.positions();
          if (!positions.equals(stablePositions)) {
            stablePositions = positions;
            stableSince = now;
          } else if (now - stableSince >= stableFor.toNanos()) {
            writer.stop();
            Map<TopicPartition, Long> sourcePositions =
                ConsumerLag.read(admin, settings.applicationId(), sources).positions(sources);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.info(
                "replay {} caught up: {} events in {} s",
                settings.applicationId(),
                events,
                elapsed.toSeconds());
            return new Summary(sourcePositions, events, elapsed);
          }
        } else {
          stablePositions = null;
        }
        Thread.sleep(pollInterval.toMillis());
      }
    }
  }

  /**
   * The projection of the source records before {@code until} (a replay's {@link
   * Summary#sourcePositions()}) under the replay's configuration.
   *
   * @throws io.shardstream.schemas.serde.SchemaRegistryUnavailableException the registry cannot be
   *     asked for a schema (the projection would be wrong, not just smaller)
   */
  public static Projection project(WriterSettings settings, Map<TopicPartition, Long> until) {
    EntityConfig config = settings.entityConfig();
    Projection projection =
        new Projection(new TableItems(new EntityManager(config)), settings.futureSkew());
    ChangeEventSerdes serdes = settings.serdes();
    // Each entity's topic, read as the writer reads it: generic records of its derived schema.
    Map<String, String> entityOfTopic = new HashMap<>();
    Map<String, ChangeEventDecoder<GenericRecord>> decoders = new HashMap<>();
    settings
        .topics()
        .entities()
        .forEach(
            (entity, topic) -> {
              entityOfTopic.put(topic, entity);
              decoders.put(
                  topic,
                  serdes.genericDecoder(
                      EntityEventSchemas.derive(config.entity(entity).orElseThrow())));
            });
    SourceLog.read(
        clientSettings(settings),
        until,
        (ConsumerRecord<byte[], byte[]> record) -> {
          String key =
              record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
          switch (decoders.get(record.topic()).decode(record.topic(), record.value())) {
            case DecodeResult.Ok<GenericRecord> ok ->
                projection.event(
                    entityOfTopic.get(record.topic()), key, ok.event(), record.timestamp());
            case DecodeResult.Failed<GenericRecord> failed -> projection.undecodable();
          }
        });
    return projection;
  }

  /**
   * The Kafka client settings (servers, security, timeouts) shared by the admin client and the
   * consumer that reads the log: Kafka Streams' own admin view of the replay's settings, as the
   * writer's topic set-up uses, so every client key (and {@code admin.*} override) passes.
   */
  static Map<String, Object> clientSettings(WriterSettings settings) {
    return new HashMap<>(
        new StreamsConfig(settings.streamsProperties())
            .getAdminConfigs(settings.applicationId() + "-replay-client"));
  }
}
