package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.WriterDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change feed: one record per change the table receives, none for what it does not. */
class AppliedChangesTest {
  private final WriterDriver writer = new WriterDriver();

  @AfterEach
  void close() {
    writer.close();
  }

  @Test
  void anAppliedUserUpsertIsOneRecordWithItsKeyAndBeneficiary() {
    writer.send(Events.userUpsert("u-1", 3));

    List<AppliedChange> changes = writer.appliedChanges();
    assertThat(changes).hasSize(1);
    AppliedChange change = changes.get(0);
    PrimaryKey key =
        writer.entities().primaryKey("user", Map.of("userId", "u-1", "created", Events.CREATED));
    assertThat(change)
        .isEqualTo(
            new AppliedChange(
                "user",
                "u-1",
                AppliedChange.UPSERT,
                3,
                null,
                null,
                "b-1",
                Events.CREATED,
                key.hashKey(),
                key.rangeKey(),
                AppliedChange.EVENT,
                Events.userUpsert("u-1", 3).getEventId().toString(),
                Events.NOW,
                writer.entities().config().version()));
    assertThat(writer.userItem("u-1"))
        .containsEntry(writer.entities().config().hashKey(), key.hashKey());
  }

  @Test
  void staleAndDuplicateEventsAnnounceNothing() {
    writer.send(Events.userUpsert("u-1", 3));
    writer.appliedChanges();

    writer.send(Events.userUpsert("u-1", 3)); // duplicate
    writer.send(Events.userUpsert("u-1", 2)); // stale
    writer.send(Events.emailUpsert("a@example.com", "u-1", 5));
    writer.appliedChanges();
    writer.send(Events.emailUpsert("a@example.com", "u-1", 4)); // stale

    assertThat(writer.appliedChanges()).isEmpty();
  }

  @Test
  void deadLetteredEventsAnnounceNothing() {
    writer.sendUserBytes(WriterDriver.bytes("u-1"), new byte[] {1, 2, 3}, Events.NOW);
    writer.send("u-2", Events.userUpsert("u-1", 1)); // key mismatch

    assertThat(writer.deadLetters()).hasSize(2);
    assertThat(writer.appliedChanges()).isEmpty();
  }

  @Test
  void aUserDeleteIsADeleteThatStillNamesTheBeneficiary() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userDelete("u-1", 2));

    List<AppliedChange> changes = writer.appliedChanges();
    assertThat(changes).extracting(AppliedChange::op).containsExactly("upsert", "delete");
    AppliedChange delete = changes.get(1);
    assertThat(delete.version()).isEqualTo(2);
    assertThat(delete.binding()).isEqualTo("b-1");
    assertThat(delete.hashKey()).isEqualTo(changes.get(0).hashKey());
    assertThat(writer.userItem("u-1")).isNull();
  }

  @Test
  void anAddressClaimedByAnotherUserIsRefusedAndAnnouncesNothing() {
    writer.send(Events.emailUpsert("a@example.com", "u-1", 1));
    assertThat(writer.appliedChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.entity()).isEqualTo("email");
              assertThat(change.parentEntity()).isEqualTo("user");
              assertThat(change.parentId()).isEqualTo("u-1");
              assertThat(change.binding()).isNull();
            });

    writer.send(Events.emailUpsert("a@example.com", "u-2", 2));

    assertThat(writer.deadLetters()).hasSize(1);
    assertThat(writer.appliedChanges()).isEmpty();
  }

  @Test
  void anOwnershipMoveIsADeleteThenAnUpsertByTheNewOwner() {
    writer.send(Events.emailUpsert("a@example.com", "u-1", 1));
    writer.send(Events.emailDelete("a@example.com", 2));
    writer.send(Events.emailUpsert("a@example.com", "u-2", 3));

    assertThat(writer.appliedChanges())
        .extracting(AppliedChange::op, AppliedChange::parentId, AppliedChange::version)
        .containsExactly(
            tuple("upsert", "u-1", 1L), tuple("delete", "u-1", 2L), tuple("upsert", "u-2", 3L));
    assertThat(writer.emailItem("a@example.com")).containsEntry("userId", "u-2");
  }

  @Test
  void aDeletedUsersAddressesAreAnnouncedAsCascadeDeletes() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.emailUpsert("a@example.com", "u-1", 1));
    writer.send(Events.emailUpsert("b@example.com", "u-1", 1));
    writer.appliedChanges();

    writer.send(Events.userDelete("u-1", 2));

    assertThat(writer.appliedChanges())
        .extracting(
            AppliedChange::entity, AppliedChange::id, AppliedChange::op, AppliedChange::cause)
        .containsExactlyInAnyOrder(
            tuple("user", "u-1", "delete", "event"),
            tuple("email", "a@example.com", "delete", "user-deleted"),
            tuple("email", "b@example.com", "delete", "user-deleted"));
    assertThat(writer.emailItem("a@example.com")).isNull();
  }

  @Test
  void aClaimForADeletedUserIsAnnouncedThenTakenBack() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userDelete("u-1", 2));
    writer.appliedChanges();

    writer.send(Events.emailUpsert("a@example.com", "u-1", 1));

    // The email stage wrote it (it cannot see users); the user stage refuses it and the cascade
    // removes it: the feed tells exactly what the table went through.
    assertThat(writer.appliedChanges())
        .extracting(AppliedChange::op, AppliedChange::cause)
        .containsExactly(tuple("upsert", "event"), tuple("delete", "claim-rejected"));
    assertThat(writer.emailItem("a@example.com")).isNull();
  }

  @Test
  void deletingAnAddressNeverSeenIsADeleteWithoutOwnerOrKey() {
    writer.send(Events.emailDelete("ghost@example.com", 4));

    assertThat(writer.appliedChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.op()).isEqualTo("delete");
              assertThat(change.parentId()).isNull();
              assertThat(change.hashKey()).isNull();
              assertThat(change.timestamp()).isNull();
            });
  }
}
