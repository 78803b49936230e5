package io.shardstream.writer;

import static io.shardstream.writer.testing.WriterDriver.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.WriterDriver;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Email uniqueness, claims after deletes, and the cascade from users to their emails. */
class EmailOwnershipTest {
  private final WriterDriver writer = new WriterDriver();

  @AfterEach
  void close() {
    writer.close();
  }

  @Test
  void anAddressOwnedByOneUserCannotBeClaimedByAnother() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    EmailChangeEvent claim = Events.emailUpsert("a@x.io", "u-2", 2);
    writer.send(claim);

    TestRecord<byte[], byte[]> deadLetter = DeadLetterTest.single(writer.deadLetters());
    DeadLetterTest.assertDeadLetter(
        deadLetter,
        "email-owned-by-other-user",
        "emails.changes",
        WriterDriver.bytes("a@x.io"),
        writer.emailBytes(claim));
    assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(deadLetter, DeadLetterHeaders.EVENT_ID))
        .isEqualTo(claim.getEventId().toString());
    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-1");
  }

  @Test
  void theOwnerMayUpdateItsAddress() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 2, Events.CREATED + 5));

    assertThat(writer.deadLetters()).isEmpty();
    assertThat(writer.emailItem("a@x.io")).containsEntry("created", Events.CREATED + 5);
    assertThat(writer.table().items()).hasSize(1);
  }

  @Test
  void aDeletedAddressMayBeClaimedByAnotherUser() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    writer.send(Events.emailDelete("a@x.io", 2));
    writer.send(Events.emailUpsert("a@x.io", "u-2", 3));

    assertThat(writer.deadLetters()).isEmpty();
    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-2");
  }

  @Test
  void deletingAUserDeletesItsAddresses() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userUpsert("u-2", 1));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    writer.send(Events.emailUpsert("b@x.io", "u-1", 1));
    writer.send(Events.emailUpsert("c@x.io", "u-2", 1));

    writer.send(Events.userDelete("u-1", 2));

    assertThat(writer.userItem("u-1")).isNull();
    assertThat(writer.emailItem("a@x.io")).isNull();
    assertThat(writer.emailItem("b@x.io")).isNull();
    assertThat(writer.emailItem("c@x.io")).containsEntry("userId", "u-2");
    assertThat(writer.metrics().cascadeDeletes()).isEqualTo(2);
    assertThat(writer.metrics().events(EventOutcome.APPLIED)).isEqualTo(6);
  }

  @Test
  void anAddressCascadedAwayIsFreeForAnotherUser() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    writer.send(Events.userDelete("u-1", 2));
    writer.send(Events.emailUpsert("a@x.io", "u-2", 2));

    assertThat(writer.deadLetters()).isEmpty();
    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-2");
  }

  @Test
  void theCascadeLeavesTheAddressVersionSoItsOldEventsStayStale() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 5));
    writer.send(Events.userDelete("u-1", 2));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 4));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 5));

    assertThat(writer.emailItem("a@x.io")).isNull();
    assertThat(writer.metrics().events(EventOutcome.STALE)).isEqualTo(1);
    assertThat(writer.metrics().events(EventOutcome.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void aClaimForADeletedUserIsDeadLetteredAndTheAddressRemoved() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userDelete("u-1", 2));
    EmailChangeEvent claim = Events.emailUpsert("a@x.io", "u-1", 1);
    writer.send(claim);

    List<TestRecord<byte[], byte[]>> deadLetters = writer.deadLetters();
    TestRecord<byte[], byte[]> deadLetter = DeadLetterTest.single(deadLetters);
    DeadLetterTest.assertDeadLetter(
        deadLetter,
        "user-deleted",
        "emails.changes",
        WriterDriver.bytes("a@x.io"),
        writer.emailBytes(claim));
    assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(deadLetter, DeadLetterHeaders.EVENT_ID))
        .isEqualTo(claim.getEventId().toString());
    assertThat(writer.emailItem("a@x.io")).isNull();
    assertThat(writer.metrics().deadLetters("user-deleted")).isEqualTo(1);
    // Counted once: dead-lettered, not also applied.
    assertThat(writer.metrics().eventsTotal()).isEqualTo(3);

    writer.send(Events.emailUpsert("a@x.io", "u-2", 2));
    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-2");
  }

  @Test
  void aClaimForAUserNeverSeenIsAccepted() {
    writer.send(Events.emailUpsert("a@x.io", "u-9", 1));
    writer.send(Events.userUpsert("u-9", 1));

    assertThat(writer.deadLetters()).isEmpty();
    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-9");

    writer.send(Events.userDelete("u-9", 2));
    assertThat(writer.emailItem("a@x.io")).isNull();
  }

  @Test
  void aReCreatedUserCanClaimAgain() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    writer.send(Events.userDelete("u-1", 2));
    writer.send(Events.userUpsert("u-1", 3));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 2));

    assertThat(writer.deadLetters()).isEmpty();
    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-1");
  }

  @Test
  void aDeletedAddressIsNoLongerCascadedFromItsFormerOwner() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));
    writer.send(Events.emailDelete("a@x.io", 2));
    writer.send(Events.emailUpsert("a@x.io", "u-2", 3));
    writer.send(Events.userDelete("u-1", 1));

    assertThat(writer.emailItem("a@x.io")).containsEntry("userId", "u-2");
    assertThat(writer.metrics().cascadeDeletes()).isZero();
  }
}
