package io.shardstream.writer.testing;

import io.shardstream.writer.TopicNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The writer's consumer group as the broker sees it: what it has committed against what the topics
 * hold. Read from the broker, not from the writers' counters, since writer processes come and go
 * (each counts from zero); -1 while the broker does not answer (it may be the fault under test).
 */
public final class GroupProgress implements AutoCloseable {
  private final Admin admin;
  private final String group;
  private final List<String> sources;
  private final List<String> all;

  public GroupProgress(String bootstrapServers, String group, TopicNames topics) {
    this.admin =
        Admin.create(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "default.api.timeout.ms",
                "10000",
                "request.timeout.ms",
                "5000"));
    this.group = group;
    this.sources = topics.sources();
    this.all = allTopics(topics);
  }

  /**
   * Records not committed yet over every partition the writer reads (sources and its internal
   * topics): committed offsets read first, then end offsets, so 0 means everything is consumed; -1
   * when the broker does not answer.
   */
  public long lag() {
    return lag(admin, group, all);
  }

  /** {@link #lag()} with a caller's admin client. */
  public static long lag(Admin admin, String group, TopicNames topics) {
    return lag(admin, group, allTopics(topics));
  }

  /** Every topic the writer's group reads: the sources and its internal topics. */
  private static List<String> allTopics(TopicNames topics) {
    List<String> all = new java.util.ArrayList<>(topics.sources());
    all.add(topics.ownerChanges("email"));
    all.add(topics.cascade("email"));
    return all;
  }

  private static long lag(Admin admin, String group, List<String> topics) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends(admin, topics).entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        lag += end.getValue() - (offset == null ? 0 : offset.offset());
      }
      return lag;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Source records the group has committed (each one counted by the writer once). */
  public long committedSources() {
    try {
      return committed(admin, group).entrySet().stream()
          .filter(e -> sources.contains(e.getKey().topic()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Source records the topics hold. */
  public long sourceEnds() {
    try {
      return ends(admin, sources).values().stream().mapToLong(Long::longValue).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
      throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(10, TimeUnit.SECONDS);
  }

  private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(10, TimeUnit.SECONDS)
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  @Override
  public void close() {
    admin.close();
  }
}
