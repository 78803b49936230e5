package io.shardstream.queryapi.changes;

import io.shardstream.queryapi.kafka.KafkaConnection;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live change feed's settings ({@code /v1/changes}): the Kafka connection, under the same
 * {@code kafka.*} keys as the writer's, the feed's topic, and the bounds of the fan-out.
 *
 * @param kafka every {@code kafka.*} setting without the prefix; empty when {@code
 *     kafka.bootstrap.servers} is not set: then the API runs without a feed
 * @param topic the change feed ({@code topics.applied-changes})
 * @param buffer how many recent changes the server keeps: what a reconnecting client can resume
 *     from, and how far any client may fall behind before it is reset
 * @param maxStreams concurrent {@code /v1/changes} streams one instance serves
 * @param keepAlive how often an idle stream gets a comment (keeps proxies from closing it)
 */
public record ChangeFeedSettings(
    Optional<Map<String, String>> kafka,
    String topic,
    int buffer,
    int maxStreams,
    Duration keepAlive) {

  /** The Kafka connection, shared with the dead letters and the pipeline view. */
  public static final Setting<Map<String, String>> KAFKA = KafkaConnection.KAFKA;

  public static final Setting<String> BOOTSTRAP = KafkaConnection.BOOTSTRAP;

  public static final Setting<Integer> BUFFER =
      Setting.integer(
          "changes.buffer",
          10_000,
          10,
          1_000_000,
          "recent changes kept in memory: what a reconnecting client resumes from"
              + " (`Last-Event-ID`), and how far a client may fall behind before it gets a"
              + " `reset` event and is closed");

  public static final Setting<Integer> MAX_STREAMS =
      Setting.integer(
          "changes.max-streams",
          100,
          1,
          100_000,
          "concurrent `/v1/changes` streams per instance; beyond: 429 with Retry-After");

  public static final Setting<Duration> KEEP_ALIVE =
      Setting.duration(
          "changes.keep-alive",
          "15s",
          Duration.ofMillis(100),
          // Below Jetty's idle timeout (30 s), which would otherwise close an idle stream.
          Duration.ofSeconds(25),
          "how often an idle stream gets a keep-alive comment (below the server's 30 s idle"
              + " timeout, which closes a stream that sends nothing)");

  /** In the order of the README table (the Kafka connection is listed with the dead letters). */
  public static final List<Setting<?>> SETTINGS =
      List.of(
          CommonSettings.TOPICS_APPLIED_CHANGES.withDoc(
              CommonSettings.TOPICS_APPLIED_CHANGES.doc() + "; read by `/v1/changes`"),
          BUFFER,
          MAX_STREAMS,
          KEEP_ALIVE);

  /** No feed: {@code /v1/changes} answers 503. */
  public static final ChangeFeedSettings NONE = defaultsWithout();

  public ChangeFeedSettings {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(keepAlive, "keepAlive");
  }

  /** Read from {@code check}, whose problems it adds to. */
  public static ChangeFeedSettings from(SettingsCheck check) {
    Map<String, String> kafka = check.get(KAFKA);
    String bootstrap = check.get(BOOTSTRAP);
    String topic = check.get(CommonSettings.TOPICS_APPLIED_CHANGES);
    Integer buffer = check.get(BUFFER);
    Integer maxStreams = check.get(MAX_STREAMS);
    Duration keepAlive = check.get(KEEP_ALIVE);
    if (kafka == null
        || bootstrap == null
        || topic == null
        || buffer == null
        || maxStreams == null
        || keepAlive == null) {
      return NONE; // a problem is recorded: the check throws before this is used
    }
    return new ChangeFeedSettings(
        bootstrap.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(kafka)),
        topic,
        buffer,
        maxStreams,
        keepAlive);
  }

  private static ChangeFeedSettings defaultsWithout() {
    Settings none = Settings.of(Map.of());
    return new ChangeFeedSettings(
        Optional.empty(),
        CommonSettings.TOPICS_APPLIED_CHANGES.read(none),
        BUFFER.read(none),
        MAX_STREAMS.read(none),
        KEEP_ALIVE.read(none));
  }

  /** The same feed on these brokers (tests that build settings in code). */
  public ChangeFeedSettings withKafka(Map<String, String> clientSettings) {
    return new ChangeFeedSettings(
        Optional.of(Map.copyOf(clientSettings)), topic, buffer, maxStreams, keepAlive);
  }

  /** The same feed with other bounds (tests). */
  public ChangeFeedSettings withBounds(int newBuffer, int newMaxStreams, Duration newKeepAlive) {
    return new ChangeFeedSettings(kafka, topic, newBuffer, newMaxStreams, newKeepAlive);
  }

  public boolean enabled() {
    return kafka.isPresent();
  }
}
