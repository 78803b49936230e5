package io.shardstream.writer.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.testing.InMemoryTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/** A thread's commit writes all of its sinks' buffers on one table in one call. */
class ThreadSinksTest {
  private final InMemoryTable table = new InMemoryTable(new TableKeys("hashKey", "rangeKey"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WriterMetrics metrics = new WriterMetrics(registry);
  private final ThreadSinks threadSinks = new ThreadSinks();

  @Test
  void theBuffersOfSeveralSinksGoOutInOneWrite() {
    TableSinkStore users = sink("users");
    TableSinkStore emails = sink("emails");
    List<String> durable = new ArrayList<>();
    users.add(put("u1"), "users.changes-0@1");
    users.add(put("u2"), "users.changes-0@2");
    users.afterDurable(() -> durable.add("users"));
    emails.add(put("e1"), "emails.changes-0@1");
    emails.afterDurable(() -> durable.add("emails"));

    threadSinks.writeAll();

    assertThat(table.writeSizes()).containsExactly(3);
    assertThat(table.items()).containsOnlyKeys("h|u1", "h|u2", "h|e1");
    assertThat(durable).containsExactly("users", "emails");
    assertThat(users.buffered()).isZero();
    assertThat(emails.buffered()).isZero();
  }

  @Test
  void aRejectedWriteIsCountedOnceAndTheOthersLand() {
    TableSinkStore users = sink("users");
    TableSinkStore emails = sink("emails");
    table.reject(op -> op.toString().contains("e2"));
    users.add(put("u1"), "users.changes-0@1");
    emails.add(put("e1"), "emails.changes-0@1");
    emails.add(put("e2"), "emails.changes-0@2");

    threadSinks.writeAll();

    assertThat(table.items()).containsOnlyKeys("h|u1", "h|e1");
    assertThat(registry.counter(WriterMetrics.WRITES_REJECTED).count()).isEqualTo(1.0);
  }

  @Test
  void aFailedWriteFailsEverySinkInIt() {
    TableSinkStore users = sink("users");
    TableSinkStore emails = sink("emails");
    List<String> durable = new ArrayList<>();
    users.add(put("u1"), "users.changes-0@1");
    emails.add(put("e1"), "emails.changes-0@1");
    emails.afterDurable(() -> durable.add("emails"));
    table.failNextWrites(1);

    assertThatThrownBy(threadSinks::writeAll).isInstanceOf(TableWriteFailedException.class);

    assertThat(durable).isEmpty();
    assertThat(table.items()).isEmpty();
    // Both stay failed until their tasks are re-initialised: neither may commit.
    assertThatThrownBy(users::pendingWrites).isInstanceOf(TableWriteFailedException.class);
    assertThatThrownBy(emails::pendingWrites).isInstanceOf(TableWriteFailedException.class);
  }

  private TableSinkStore sink(String name) {
    TableSinkStore sink =
        new TableSinkStoreBuilder(name, table, 1000, metrics, Duration.ZERO, threadSinks).build();
    sink.init(new MockProcessorContext<>().getStateStoreContext(), sink);
    return sink;
  }

  private static WriteOperation put(String rangeKey) {
    return WriteOperation.putItem(Map.of("hashKey", "h", "rangeKey", rangeKey, "n", 1));
  }
}
