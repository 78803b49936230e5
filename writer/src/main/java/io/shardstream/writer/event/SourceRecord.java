package io.shardstream.writer.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where an input event came from and its original bytes: everything a dead letter needs. Carried
 * along with a child's claim to its parent's stage, which may still reject it ({@code
 * <parent>-deleted}).
 *
 * @param key the record key exactly as consumed (null when the record had none)
 * @param value the record value exactly as consumed (null for a tombstone)
 */
public record SourceRecord(
    String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {

  public SourceRecord {
    Objects.requireNonNull(topic, "topic");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceRecord that
        && topic.equals(that.topic)
        && partition == that.partition
        && offset == that.offset
        && timestamp == that.timestamp
        && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
