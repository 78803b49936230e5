package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.sink.TableWriteFailedException;
import io.shardstream.writer.sink.ThreadSinks;
import io.shardstream.writer.testing.InMemoryTable;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink's buffer: written at its thread's commit or when full, counters settled only then. */
class TableSinkStoreTest {
  private static final TableKeys KEYS = new TableKeys("hashKey", "rangeKey");

  private final InMemoryTable table = new InMemoryTable(KEYS);
  private final WriterMetrics metrics = new WriterMetrics(new SimpleMeterRegistry());
  private final ThreadSinks threadSinks = new ThreadSinks();
  private TableSinkStore sink;

  @BeforeEach
  void open() {
    sink = newSink("sink");
  }

  @Test
  void buffersUntilTheCommit() {
    sink.add(put("a"), "t-0@0");
    sink.afterDurable(() -> metrics.event("user", EventOutcome.APPLIED));

    assertThat(table.items()).isEmpty();
    assertThat(metrics.eventsTotal()).isZero();

    threadSinks.writeAll();
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
    threadSinks.writeAll();

    assertThat(table.items()).isEmpty();
  }

  @Test
  void aFailedWriteFailsTheCommitAndDropsThePendingCounts() {
    sink.add(put("a"), "t-0@0");
    sink.afterDurable(() -> metrics.event("user", EventOutcome.APPLIED));
    table.failNextWrites(1);

    assertThatThrownBy(threadSinks::writeAll).isInstanceOf(TableWriteFailedException.class);
    assertThat(metrics.eventsTotal()).isZero();
    // The task is going down: nothing more is buffered until it is re-initialised.
    sink.add(put("b"), "t-0@1");
    assertThat(sink.buffered()).isZero();

    sink.init(new MockProcessorContext<>().getStateStoreContext(), sink);
    sink.add(put("a"), "t-0@0");
    threadSinks.writeAll();
    assertThat(table.items()).containsOnlyKeys("h|a");
  }

  @Test
  void aFailedEarlyWriteFailsTheNextCommit() {
    sink.add(put("a"), "t-0@0");
    sink.add(put("b"), "t-0@1");
    table.failNextWrites(1);
    sink.add(put("c"), "t-0@2");
    sink.add(put("d"), "t-0@3");

    assertThat(table.items()).isEmpty();
    assertThatThrownBy(threadSinks::writeAll).isInstanceOf(TableWriteFailedException.class);
    assertThat(table.items()).isEmpty();
  }

  @Test
  void aCommitWritesOnlyTheSinksItsThreadBufferedInto() throws InterruptedException {
    TableSinkStore other = newSink("other");
    sink.add(put("a"), "t-0@0");
    Thread otherThread = new Thread(() -> other.add(put("b"), "t-1@0"));
    otherThread.start();
    otherThread.join();

    threadSinks.writeAll();
    assertThat(table.items()).containsOnlyKeys("h|a");
    assertThat(other.buffered()).isEqualTo(1);
  }

  @Test
  void closeDropsTheBuffer() {
    sink.add(put("a"), "t-0@0");
    sink.close();
    threadSinks.writeAll();

    assertThat(table.items()).isEmpty();
  }

  @Test
  void aWriteRejectedForGoodIsCountedAndSkipped() {
    table.reject(
        op -> op instanceof WriteOperation.Put p && "b".equals(p.item().get("rangeKey").s()));
    sink.add(put("a"), "t-0@0");
    sink.add(put("b"), "t-0@1");
    threadSinks.writeAll();

    assertThat(table.items()).containsOnlyKeys("h|a");
    assertThat(metrics.registry().get(WriterMetrics.WRITES_REJECTED).counter().count())
        .isEqualTo(1);
  }

  @Test
  void isNeitherPersistentNorLogged() {
    TableSinkStoreBuilder builder =
        new TableSinkStoreBuilder("sink", table, 3, metrics, Duration.ZERO, threadSinks);

    assertThat(builder.loggingEnabled()).isFalse();
    assertThat(sink.persistent()).isFalse();
    assertThat(sink.isOpen()).isTrue();
  }

  private TableSinkStore newSink(String name) {
    TableSinkStore store =
        new TableSinkStoreBuilder(name, table, 3, metrics, Duration.ZERO, threadSinks).build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }

  private static WriteOperation put(String rangeKey) {
    return WriteOperation.putItem(Map.of("hashKey", "h", "rangeKey", rangeKey, "n", 1));
  }
}
