package io.shardstream.queryapi.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.changes.AppliedChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeBufferTest {
  private static final Duration NO_WAIT = Duration.ZERO;

  private static AppliedChange change(String id) {
    return new AppliedChange(
        "user",
        id,
        AppliedChange.UPSERT,
        1,
        null,
        null,
        "b-1",
        1L,
        null,
        null,
        "event",
        null,
        1L,
        null);
  }

  private static ChangeBuffer.Entry entry(int partition, long offset) {
    return new ChangeBuffer.Entry(partition, offset, change(partition + "@" + offset));
  }

  private static List<String> ids(ChangeBuffer.Read read) {
    return ((ChangeBuffer.Read.Changes) read)
        .deliveries().stream().map(d -> d.change().id()).toList();
  }

  private static ChangeBuffer started(int capacity, long[] start, long[] end) {
    ChangeBuffer buffer = new ChangeBuffer(capacity);
    buffer.start(start, end);
    return buffer;
  }

  @Test
  void aLiveStreamSeesWhatArrivesAfterItStartedWithItsPositionAsId() throws Exception {
    ChangeBuffer buffer = started(10, new long[] {0, 0}, new long[] {0, 0});
    buffer.append(List.of(entry(0, 0)));
    ChangeBuffer.Cursor cursor = buffer.live();
    buffer.append(List.of(entry(1, 0), entry(0, 3)));

    ChangeBuffer.Read read = buffer.read(cursor, 10, NO_WAIT);

    assertThat(ids(read)).containsExactly("1@0", "0@3");
    assertThat(((ChangeBuffer.Read.Changes) read).deliveries())
        .extracting(d -> d.after().text())
        .containsExactly("1.1.1", "1.4.1");
    assertThat(ids(buffer.read(cursor, 10, NO_WAIT))).isEmpty();
  }

  @Test
  void resumingAfterAnEventContinuesWithTheNextOneWithoutLossOrRepeat() throws Exception {
    ChangeBuffer buffer = started(100, new long[] {0, 0, 0}, new long[] {0, 0, 0});
    List<ChangeBuffer.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      entries.add(entry(i % 3, i / 3));
    }
    buffer.append(entries);
    ChangeBuffer.Cursor first = buffer.resume(ChangePosition.of(0, 0, 0)).orElseThrow();
    List<ChangeBuffer.Delivery> head =
        ((ChangeBuffer.Read.Changes) buffer.read(first, 11, NO_WAIT)).deliveries();
    ChangePosition lastId = head.get(10).after();

    ChangeBuffer.Cursor resumed = buffer.resume(lastId).orElseThrow();
    List<String> rest = ids(buffer.read(resumed, 100, NO_WAIT));

    List<String> all = new ArrayList<>(head.stream().map(d -> d.change().id()).toList());
    all.addAll(rest);
    assertThat(all).isEqualTo(entries.stream().map(e -> e.change().id()).toList());
  }

  @Test
  void aPositionFromAnotherInstanceSkipsWhatItHadSeenOnEachPartition() throws Exception {
    // This server read the partitions interleaved differently: resuming filters by offset.
    ChangeBuffer buffer = started(100, new long[] {0, 0}, new long[] {0, 0});
    buffer.append(List.of(entry(0, 0), entry(0, 1), entry(1, 0), entry(0, 2), entry(1, 1)));

    ChangeBuffer.Cursor cursor = buffer.resume(ChangePosition.of(1, 2)).orElseThrow();

    assertThat(ids(buffer.read(cursor, 100, NO_WAIT))).containsExactly("0@1", "0@2");
  }

  @Test
  void aPositionOlderThanWhatIsKeptCannotResume() {
    ChangeBuffer buffer = started(3, new long[] {5}, new long[] {5});
    buffer.append(List.of(entry(0, 5), entry(0, 6), entry(0, 7)));

    assertThat(buffer.resume(ChangePosition.of(4))).isEmpty(); // before the consumer's start
    assertThat(buffer.resume(ChangePosition.of(5))).isPresent();

    buffer.append(List.of(entry(0, 8))); // evicts offset 5
    assertThat(buffer.resume(ChangePosition.of(5))).isEmpty();
    assertThat(buffer.resume(ChangePosition.of(6))).isPresent();
  }

  @Test
  void aStreamThatFallsMoreThanTheCapacityBehindIsToldSo() throws Exception {
    ChangeBuffer buffer = started(4, new long[] {0}, new long[] {0});
    ChangeBuffer.Cursor slow = buffer.live();
    ChangeBuffer.Cursor fast = buffer.live();
    for (int offset = 0; offset < 5; offset++) {
      buffer.append(List.of(entry(0, offset)));
      assertThat(ids(buffer.read(fast, 10, NO_WAIT))).containsExactly("0@" + offset);
    }

    assertThat(buffer.read(slow, 10, NO_WAIT)).isInstanceOf(ChangeBuffer.Read.FellBehind.class);
    assertThat(buffer.size()).isEqualTo(4); // the buffer never holds more, however slow a reader
  }

  /** A read that waits (up to a minute) on another thread. */
  private static CompletableFuture<ChangeBuffer.Read> readLater(
      ChangeBuffer buffer, ChangeBuffer.Cursor cursor) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return buffer.read(cursor, 10, Duration.ofMinutes(1));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aWaitingReaderWakesOnAnAppendAndOnClose() throws Exception {
    ChangeBuffer buffer = started(4, new long[] {0}, new long[] {0});
    ChangeBuffer.Cursor cursor = buffer.live();
    CompletableFuture<ChangeBuffer.Read> waiting = readLater(buffer, cursor);
    buffer.append(List.of(entry(0, 0)));
    assertThat(ids(waiting.get(30, TimeUnit.SECONDS))).containsExactly("0@0");

    CompletableFuture<ChangeBuffer.Read> closing = readLater(buffer, cursor);
    buffer.close();
    assertThat(closing.get(30, TimeUnit.SECONDS)).isInstanceOf(ChangeBuffer.Read.Closed.class);
  }

  @Test
  void aStreamStartedBeforeTheFeedBeginsAtTheEndThePartitionsHadThen() throws Exception {
    ChangeBuffer buffer = new ChangeBuffer(10);
    ChangeBuffer.Cursor early = buffer.live();
    // The consumer starts 2 records before the end (a warm buffer for resuming clients).
    buffer.start(new long[] {3}, new long[] {5});
    buffer.append(List.of(entry(0, 3), entry(0, 4), entry(0, 5)));

    assertThat(ids(buffer.read(early, 10, NO_WAIT))).containsExactly("0@5");
    assertThat(buffer.resume(ChangePosition.of(4)).map(c -> c.position().text())).contains("1.4");
  }

  @Test
  void aReadReturnsAtMostTheBatchAskedFor() throws Exception {
    ChangeBuffer buffer = started(10, new long[] {0}, new long[] {0});
    ChangeBuffer.Cursor cursor = buffer.live();
    buffer.append(List.of(entry(0, 0), entry(0, 1), entry(0, 2)));

    assertThat(ids(buffer.read(cursor, 2, NO_WAIT))).containsExactly("0@0", "0@1");
    assertThat(ids(buffer.read(cursor, 2, NO_WAIT))).containsExactly("0@2");
  }
}
