package io.shardstream.writer.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.testing.InMemoryTable;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transaction that carries the consumed offsets commits only after the table writes. */
class SinkFlushingProducerTest {
  private static final Map<TopicPartition, OffsetAndMetadata> OFFSETS =
      Map.of(new TopicPartition("users.changes", 0), new OffsetAndMetadata(42));
  private static final ConsumerGroupMetadata GROUP = new ConsumerGroupMetadata("writer");

  private final InMemoryTable table = new InMemoryTable(new TableKeys("hashKey", "rangeKey"));
  private final ThreadSinks threadSinks = new ThreadSinks();
  private final MockProducer<byte[], byte[]> kafka = new MockProducer<>();
  private final SinkFlushingProducer producer = new SinkFlushingProducer(kafka, threadSinks);
  private TableSinkStore sink;

  @BeforeEach
  void open() {
    sink =
        new TableSinkStoreBuilder(
                "sink",
                table,
                1000,
                new WriterMetrics(new SimpleMeterRegistry()),
                Duration.ZERO,
                threadSinks)
            .build();
    sink.init(new MockProcessorContext<>().getStateStoreContext(), sink);
    producer.initTransactions();
    producer.beginTransaction();
  }

  @Test
  void writesTheBufferBeforeTheOffsetsJoinTheTransaction() {
    sink.add(put("a"), "users.changes-0@41");

    producer.sendOffsetsToTransaction(OFFSETS, GROUP);
    assertThat(table.items()).containsOnlyKeys("h|a");
    assertThat(kafka.sentOffsets()).isTrue();
    producer.commitTransaction();
    assertThat(kafka.transactionCommitted()).isTrue();
  }

  @Test
  void aFailedWriteFailsTheCommitBeforeAnyOffsetIsSent() {
    sink.add(put("a"), "users.changes-0@41");
    table.failNextWrites(1);

    assertThatThrownBy(() -> producer.sendOffsetsToTransaction(OFFSETS, GROUP))
        .isInstanceOf(CommitFailedException.class)
        .hasCauseInstanceOf(TableWriteFailedException.class);
    assertThat(kafka.sentOffsets()).isFalse();
    assertThat(kafka.transactionCommitted()).isFalse();
    assertThat(table.items()).isEmpty();
  }

  @Test
  void writesWhatIsLeftBeforeTheTransactionCommits() {
    sink.add(put("a"), "users.changes-0@41");
    table.failNextWrites(1);

    assertThatThrownBy(producer::commitTransaction).isInstanceOf(CommitFailedException.class);
    assertThat(kafka.transactionCommitted()).isFalse();
  }

  private static WriteOperation put(String rangeKey) {
    return WriteOperation.putItem(Map.of("hashKey", "h", "rangeKey", rangeKey, "n", 1));
  }
}
