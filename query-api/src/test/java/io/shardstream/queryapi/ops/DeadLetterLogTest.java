package io.shardstream.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterLogTest {

  static DeadLetter letter(long offset, String reason) {
    RecordHeaders headers = new RecordHeaders();
    if (reason != null) {
      headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
    }
    headers.add(DeadLetterHeaders.DETAIL, ("detail " + offset).getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.SOURCE_TOPIC, "users.changes".getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset).getBytes());
    headers.add("traceparent", "not ours".getBytes(StandardCharsets.UTF_8));
    return DeadLetter.of(0, offset, 1_000L + offset, headers, null, new byte[] {1});
  }

  @Test
  void countsEveryReasonOverEverythingAddedMostFrequentFirst() {
    DeadLetterLog log = new DeadLetterLog(2);
    log.add(letter(0, "user-deleted"));
    log.add(letter(1, "invalid:email.email:format"));
    log.add(letter(2, "invalid:email.email:format"));
    log.add(letter(3, "email-owned-by-other-user"));

    DeadLetterLog.Snapshot snapshot = log.snapshot();

    assertThat(snapshot.total()).isEqualTo(4);
    assertThat(snapshot.byReason())
        .containsExactly(
            new DeadLetterLog.ReasonCount("invalid:email.email:format", 2),
            new DeadLetterLog.ReasonCount("email-owned-by-other-user", 1),
            new DeadLetterLog.ReasonCount("user-deleted", 1));
  }

  @Test
  void keepsOnlyTheLatestNewestFirst() {
    DeadLetterLog log = new DeadLetterLog(3);
    IntStream.range(0, 10).forEach(i -> log.add(letter(i, "r")));

    assertThat(log.snapshot().latest()).extracting(DeadLetter::offset).containsExactly(9L, 8L, 7L);
    assertThat(log.snapshot().total()).isEqualTo(10);

    log.clear();
    assertThat(log.snapshot().latest()).isEmpty();
    assertThat(log.snapshot().byReason()).isEmpty();
  }

  @Test
  void readsTheDeadLetterHeadersAndLeavesOthers() {
    DeadLetter letter = letter(7, "invalid:user.phone:format");

    assertThat(letter.reason()).isEqualTo("invalid:user.phone:format");
    assertThat(letter.detail()).isEqualTo("detail 7");
    assertThat(letter.headers())
        .containsExactly(
            Map.entry("source.topic", "users.changes"), Map.entry("source.offset", "7"));
    assertThat(letter.header(DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("users.changes");
    assertThat(letter(8, null).reason()).isEqualTo(DeadLetter.NO_REASON);
  }

  @Test
  void needsRoomForOne() {
    assertThatThrownBy(() -> new DeadLetterLog(0)).hasMessageContaining("at least 1");
  }
}
