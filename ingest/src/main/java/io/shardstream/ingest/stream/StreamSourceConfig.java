package io.shardstream.ingest.stream;

import java.net.URI;
import java.util.Objects;

/**
 * Everything the DynamoDB Streams source needs besides its sink.
 *
 * @param mapping the source table and how its items become events
 * @param endpoint DynamoDB Local's URL, or null for AWS (region and credentials from the SDK's
 *     default chain)
 * @param region the region, or null: the SDK's lookup against AWS, {@code us-east-1} locally
 * @param applicationName KCL's application name: the name of its lease table (in the same
 *     DynamoDB), and the group whose workers share the stream's shards
 * @param fromStart where a new application (no leases yet) starts: the oldest record still in the
 *     stream (24 hours) when true, new records only when false
 */
public record StreamSourceConfig(
    SourceMapping mapping,
    URI endpoint,
    String region,
    String applicationName,
    boolean fromStart,
    KclTimings timings) {

  public StreamSourceConfig {
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(timings, "timings");
    if (applicationName.isBlank()) {
      throw new IllegalArgumentException("the application name is empty");
    }
  }

  /** {@code shardstream-ddb-stream-<table>}: one lease table per source table by default. */
  public static String defaultApplicationName(String table) {
    return "shardstream-ddb-stream-" + table;
  }

  public static StreamSourceConfig of(SourceMapping mapping, URI endpoint) {
    return new StreamSourceConfig(
        mapping,
        endpoint,
        null,
        defaultApplicationName(mapping.table()),
        true,
        KclTimings.standard());
  }

  public StreamSourceConfig withApplicationName(String name) {
    return new StreamSourceConfig(mapping, endpoint, region, name, fromStart, timings);
  }

  public StreamSourceConfig withRegion(String name) {
    return new StreamSourceConfig(mapping, endpoint, name, applicationName, fromStart, timings);
  }

  public StreamSourceConfig withTimings(KclTimings kclTimings) {
    return new StreamSourceConfig(
        mapping, endpoint, region, applicationName, fromStart, kclTimings);
  }

  public StreamSourceConfig withFromStart(boolean start) {
    return new StreamSourceConfig(mapping, endpoint, region, applicationName, start, timings);
  }
}
