package io.shardstream.bench.faults;

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
 * hold. Read from the broker, not from the writers, since instances come and go; -1 while the
 * broker does not answer (it may be the fault).
 */
final class GroupProgress implements AutoCloseable {
  private final Admin admin;
  private final String group;
  private final List<String> sources;
  private final List<String> all;

  GroupProgress(String bootstrapServers, String group, TopicNames topics) {
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
    this.sources = List.of(topics.users(), topics.emails());
    this.all =
        List.of(topics.users(), topics.emails(), topics.emailOwnerChanges(), topics.emailCascade());
  }

  /**
   * Records not committed yet over every partition the writer reads (sources and its internal
   * topics): committed offsets read first, then end offsets, so 0 means everything is consumed.
   */
  long lag() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = committed();
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends(all).entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        lag += end.getValue() - (offset == null ? 0 : offset.offset());
      }
      return lag;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Source records the group has committed (each one counted by the writer once). */
  long committedSources() {
    try {
      return committed().entrySet().stream()
          .filter(e -> sources.contains(e.getKey().topic()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Source records the topics hold. */
  long sourceEnds() {
    try {
      return ends(sources).values().stream().mapToLong(Long::longValue).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(10, TimeUnit.SECONDS);
  }

  private Map<TopicPartition, Long> ends(List<String> topics) throws Exception {
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
