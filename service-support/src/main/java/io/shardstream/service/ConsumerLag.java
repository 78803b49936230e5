package io.shardstream.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on some topics, from the broker's point of view: per
 * partition, the end offset minus the group's committed offset (the beginning offset when the group
 * has committed nothing there yet). Kafka Streams commits only after the table writes are durable,
 * so a committed offset means "in the table".
 *
 * @param endOffsets every partition's end offset (log end; for transactional topics it includes the
 *     commit markers, which Kafka Streams commits past once it has read them)
 * @param lags every partition's lag, never negative
 * @param positions every partition's committed offset (the beginning offset where none is)
 */
public record ConsumerLag(
    Map<TopicPartition, Long> endOffsets,
    Map<TopicPartition, Long> lags,
    Map<TopicPartition, Long> positions) {
  private static final long TIMEOUT_SECONDS = 30;

  /** The lag of each partition; pure, for tests and {@link #read}. */
  public static ConsumerLag compute(
      Map<TopicPartition, Long> beginning,
      Map<TopicPartition, Long> end,
      Map<TopicPartition, Long> committed) {
    Map<TopicPartition, Long> lags = new HashMap<>();
    Map<TopicPartition, Long> positions = new HashMap<>();
    end.forEach(
        (partition, endOffset) -> {
          long position = committed.getOrDefault(partition, beginning.getOrDefault(partition, 0L));
          positions.put(partition, position);
          lags.put(partition, Math.max(0, endOffset - position));
        });
    return new ConsumerLag(Map.copyOf(end), Map.copyOf(lags), Map.copyOf(positions));
  }

  /** Reads the offsets of {@code group} on every partition of {@code topics} from the broker. */
  public static ConsumerLag read(Admin admin, String group, Collection<String> topics) {
    try {
      Set<TopicPartition> partitions =
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .values()
              .stream()
              .flatMap(
                  topic ->
                      topic.partitions().stream()
                          .map(p -> new TopicPartition(topic.name(), p.partition())))
              .collect(Collectors.toSet());
      Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
      Map<TopicPartition, OffsetAndMetadata> groupOffsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<TopicPartition, Long> committed = new HashMap<>();
      groupOffsets.forEach(
          (partition, offset) -> {
            if (offset != null && partitions.contains(partition)) {
              committed.put(partition, offset.offset());
            }
          });
      return compute(beginning, end, committed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading offsets of group " + group, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot read the offsets of group " + group + " on " + topics + ": " + cause, cause);
    }
  }

  /** The summed lag of the partitions of these topics. */
  public long lag(Collection<String> topics) {
    return lags.entrySet().stream()
        .filter(e -> topics.contains(e.getKey().topic()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The summed lag over every partition read. */
  public long total() {
    return lags.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The summed end offsets of these topics' partitions (records ever written, roughly). */
  public long endOffsets(Collection<String> topics) {
    return endOffsets.entrySet().stream()
        .filter(e -> topics.contains(e.getKey().topic()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The group's position on the partitions of these topics (committed, or the beginning). */
  public Map<TopicPartition, Long> positions(List<String> topics) {
    return positions.entrySet().stream()
        .filter(e -> topics.contains(e.getKey().topic()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
        admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    result.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }
}
