package io.shardstream.writer.sink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * A stream thread's transactional producer that writes the thread's buffered table writes before
 * consumed offsets join its transaction and before the transaction commits (see the class comment
 * of {@link TableSinkStore}). Everything else is delegated unchanged.
 *
 * <p>A failed write is reported as a {@link CommitFailedException}: Kafka Streams answers a failed
 * transaction commit by aborting the transaction, closing the thread's tasks dirty and processing
 * again from the last committed offsets on the same thread, which is the recovery a failed write
 * needs (the writes are whole states, so writing them twice is harmless).
 */
final class SinkFlushingProducer implements Producer<byte[], byte[]> {
  private final Producer<byte[], byte[]> delegate;
  private final ThreadSinks sinks;

  SinkFlushingProducer(Producer<byte[], byte[]> delegate, ThreadSinks sinks) {
    this.delegate = delegate;
    this.sinks = sinks;
  }

  @Override
  public void sendOffsetsToTransaction(
      Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
    writeSinks();
    delegate.sendOffsetsToTransaction(offsets, groupMetadata);
  }

  @Override
  public void commitTransaction() {
    writeSinks();
    delegate.commitTransaction();
  }

  private void writeSinks() {
    try {
      sinks.writeAll();
    } catch (TableWriteFailedException e) {
      CommitFailedException failed = new CommitFailedException(e.getMessage());
      failed.initCause(e);
      throw failed;
    }
  }

  @Override
  public void initTransactions() {
    delegate.initTransactions();
  }

  @Override
  public void beginTransaction() {
    delegate.beginTransaction();
  }

  @Override
  public void abortTransaction() {
    delegate.abortTransaction();
  }

  @Override
  public void registerMetricForSubscription(KafkaMetric metric) {
    delegate.registerMetricForSubscription(metric);
  }

  @Override
  public void unregisterMetricFromSubscription(KafkaMetric metric) {
    delegate.unregisterMetricFromSubscription(metric);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
    return delegate.send(record);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
    return delegate.send(record, callback);
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return delegate.partitionsFor(topic);
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return delegate.metrics();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return delegate.clientInstanceId(timeout);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public void close(Duration timeout) {
    delegate.close(timeout);
  }
}
