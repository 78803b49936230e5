package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.metrics.Outcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.sink.TableWriteFailedException;
import io.shardstream.writer.testing.InMemoryTable;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink's buffer: written at the commit hook or when full, counters settled only then. */
class TableSinkStoreTest {
  private static final TableKeys KEYS = new TableKeys("hashKey", "rangeKey");

  private final InMemoryTable table = new InMemoryTable(KEYS);
  private final WriterMetrics metrics = new WriterMetrics(new SimpleMeterRegistry());
  private TableSinkStore sink;

  @BeforeEach
  void open() {
    sink = new TableSinkStoreBuilder("sink", table, 3, metrics, Duration.ZERO).build();
    sink.init(new MockProcessorContext<>().getStateStoreContext(), sink);
  }

  @Test
  void buffersUntilTheCommitHook() {
    sink.add(put("a"), "t-0@0");
    sink.afterDurable(() -> metrics.event("user", Outcome.APPLIED));

    assertThat(table.items()).isEmpty();
    assertThat(metrics.eventsTotal()).isZero();

    sink.flushCache();
    assertThat(table.items()).containsOnlyKeys("h|a");
    assertThat(metrics.eventsTotal()).isEqualTo(1);
    assertThat(sink.buffered()).isZero();
  }

  @Test
  void writesEarlyWhenTheBufferIsFull() {
    sink.add(put("a"), "t-0@0");
    sink.add(put("b"), "t-0@1");
    sink.add(put("c"), "t-0@2");

    assertThat(table.writeSizes()).containsExactly(3);
    assertThat(sink.buffered()).isZero();
  }

  @Test
  void keepsEachKeysOrder() {
    sink.add(put("a"), "t-0@0");
    sink.add(WriteOperation.delete(KEYS, new PrimaryKey("h", "a")), "t-0@1");
    sink.flushCache();

    assertThat(table.items()).isEmpty();
  }

  @Test
  void aFailedWriteFailsTheCommitAndDropsThePendingCounts() {
    sink.add(put("a"), "t-0@0");
    sink.afterDurable(() -> metrics.event("user", Outcome.APPLIED));
    table.failNextWrites(1);

    assertThatThrownBy(sink::flushCache).isInstanceOf(TableWriteFailedException.class);
    assertThat(metrics.eventsTotal()).isZero();
    // The task is going down: nothing more is accepted or committed until it is re-initialised.
    assertThatThrownBy(() -> sink.add(put("b"), "t-0@1"))
        .isInstanceOf(TableWriteFailedException.class);
    assertThatThrownBy(sink::flushCache).isInstanceOf(TableWriteFailedException.class);

    sink.init(new MockProcessorContext<>().getStateStoreContext(), sink);
    sink.add(put("a"), "t-0@0");
    sink.flushCache();
    assertThat(table.items()).containsOnlyKeys("h|a");
  }

  @Test
  void afterOneSinkFailedTheOtherSinksOfTheThreadDropTheirWrites() {
    TableSinkStore other =
        new TableSinkStoreBuilder("other", table, 3, metrics, Duration.ZERO).build();
    other.init(new MockProcessorContext<>().getStateStoreContext(), other);
    sink.add(put("a"), "t-0@0");
    other.add(put("b"), "t-1@0");
    table.failNextWrites(1);

    assertThatThrownBy(sink::flushCache).isInstanceOf(TableWriteFailedException.class);
    // Kafka Streams now closes every task of the thread dirty: no write, no waiting.
    assertThatThrownBy(other::flushCache).isInstanceOf(TableWriteFailedException.class);
    assertThat(table.writeSizes()).isEmpty();

    // The thread's next tasks buffer and write again.
    other.init(new MockProcessorContext<>().getStateStoreContext(), other);
    other.add(put("b"), "t-1@0");
    other.flushCache();
    assertThat(table.items()).containsOnlyKeys("h|b");
  }

  @Test
  void aWriteRejectedForGoodIsCountedAndSkipped() {
    table.reject(
        op -> op instanceof WriteOperation.Put p && "b".equals(p.item().get("rangeKey").s()));
    sink.add(put("a"), "t-0@0");
    sink.add(put("b"), "t-0@1");
    sink.flushCache();

    assertThat(table.items()).containsOnlyKeys("h|a");
    assertThat(metrics.registry().get(WriterMetrics.WRITES_REJECTED).counter().count())
        .isEqualTo(1);
  }

  @Test
  void clearCacheDropsTheBuffer() {
    sink.add(put("a"), "t-0@0");
    sink.clearCache();
    sink.flushCache();

    assertThat(table.items()).isEmpty();
  }

  @Test
  void isNeitherPersistentNorLogged() {
    TableSinkStoreBuilder builder =
        new TableSinkStoreBuilder("sink", table, 3, metrics, Duration.ZERO);

    assertThat(builder.loggingEnabled()).isFalse();
    assertThat(sink.persistent()).isFalse();
    assertThat(sink.isOpen()).isTrue();
  }

  private static WriteOperation put(String rangeKey) {
    return WriteOperation.putItem(Map.of("hashKey", "h", "rangeKey", rangeKey, "n", 1));
  }
}
