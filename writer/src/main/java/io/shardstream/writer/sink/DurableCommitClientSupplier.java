package io.shardstream.writer.sink;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * The Kafka clients of the writer's Kafka Streams: the ordinary ones, except that each producer
 * writes its thread's buffered table writes before committing a transaction ({@link
 * SinkFlushingProducer}). Requires {@code processing.guarantee=exactly_once_v2}, where consumed
 * offsets are committed only inside the producer's transaction.
 */
public final class DurableCommitClientSupplier implements KafkaClientSupplier {
  private final ThreadSinks sinks;

  public DurableCommitClientSupplier(ThreadSinks sinks) {
    this.sinks = sinks;
  }

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    return Admin.create(config);
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    return new SinkFlushingProducer(
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), sinks);
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    return consumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    return consumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    return consumer(config);
  }

  private static Consumer<byte[], byte[]> consumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
