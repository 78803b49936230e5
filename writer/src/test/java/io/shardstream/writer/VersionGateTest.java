package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.WriterDriver;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Newer versions win, equal ones are duplicates, older ones are stale; tombstones hold. */
class VersionGateTest {
  private final WriterDriver writer = new WriterDriver();

  @AfterEach
  void close() {
    writer.close();
  }

  @Test
  void aNewerUserVersionReplacesTheItem() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userUpsert(Events.user("u-1").setFirstName("Zoë").build(), 2));

    Map<String, Object> item = writer.userItem("u-1");
    assertThat(item).containsEntry("firstName", "Zoë").containsEntry("firstNameCanonical", "zoe");
    assertThat(writer.metrics().events(EventOutcome.APPLIED)).isEqualTo(2);
  }

  @Test
  void theItemCarriesEveryGeneratedKey() {
    writer.send(Events.userUpsert("u-1", 1));

    Map<String, Object> expected =
        writer
            .entities()
            .addKeys(
                "user",
                Map.of(
                    "userId",
                    "u-1",
                    "beneficiaryId",
                    "b-1",
                    "firstName",
                    "Ana",
                    "lastName",
                    "Gómez-Juárez",
                    "phone",
                    "5551234",
                    "created",
                    Events.CREATED,
                    "updated",
                    Events.CREATED));
    assertThat(writer.userItem("u-1")).isEqualTo(expected);
    assertThat(writer.userItem("u-1"))
        .containsKeys(
            "hashKey",
            "rangeKey",
            "userHashKey",
            "beneficiaryHashKey",
            "firstNameRangeKey",
            "lastNameRangeKey");
  }

  @Test
  void anEqualUserVersionIsADuplicate() {
    writer.send(Events.userUpsert("u-1", 5));
    writer.send(Events.userUpsert(Events.user("u-1").setFirstName("Other").build(), 5));

    assertThat(writer.userItem("u-1")).containsEntry("firstName", "Ana");
    assertThat(writer.metrics().events(EventOutcome.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void anOlderUserVersionIsStale() {
    writer.send(Events.userUpsert("u-1", 5));
    writer.send(Events.userUpsert(Events.user("u-1").setFirstName("Older").build(), 4));

    assertThat(writer.userItem("u-1")).containsEntry("firstName", "Ana");
    assertThat(writer.metrics().events(EventOutcome.STALE)).isEqualTo(1);
    assertThat(writer.deadLetters()).isEmpty();
  }

  @Test
  void aUserTombstoneKeepsOlderUpsertsOut() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userDelete("u-1", 3));
    writer.send(Events.userUpsert("u-1", 2));
    writer.send(Events.userUpsert("u-1", 3));

    assertThat(writer.userItem("u-1")).isNull();
    assertThat(writer.metrics().events(EventOutcome.STALE)).isEqualTo(1);
    assertThat(writer.metrics().events(EventOutcome.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void aNewerUpsertReCreatesADeletedUser() {
    writer.send(Events.userUpsert("u-1", 1));
    writer.send(Events.userDelete("u-1", 2));
    writer.send(Events.userUpsert(Events.user("u-1").setLastName("Back").build(), 3));

    assertThat(writer.userItem("u-1")).containsEntry("lastName", "Back");
  }

  @Test
  void aDeleteOfAnUnseenUserLeavesATombstone() {
    writer.send(Events.userDelete("u-1", 5));
    writer.send(Events.userUpsert("u-1", 4));

    assertThat(writer.userItem("u-1")).isNull();
    assertThat(writer.metrics().events(EventOutcome.APPLIED)).isEqualTo(1);
    assertThat(writer.metrics().events(EventOutcome.STALE)).isEqualTo(1);
  }

  @Test
  void aChangedCreationTimeMovesTheItemToItsNewShard() {
    writer.send(Events.userUpsert("u-1", 1));
    long later = Events.CREATED + 3_600_000;
    writer.send(
        Events.userUpsert(
            Events.user("u-1")
                .setCreated(Instant.ofEpochMilli(later))
                .setUpdated(Instant.ofEpochMilli(later))
                .build(),
            2));

    assertThat(writer.table().items().values())
        .filteredOn(item -> "u-1".equals(item.get("userId")))
        .singleElement()
        .satisfies(item -> assertThat(item).containsEntry("created", later));
  }

  @Test
  void emailVersionsAreGatedToo() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 2));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 2));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1, Events.CREATED - 1000));
    writer.send(Events.emailDelete("a@x.io", 4));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 3));
    writer.send(Events.emailDelete("a@x.io", 4));

    assertThat(writer.emailItem("a@x.io")).isNull();
    assertThat(writer.metrics().events(EventOutcome.APPLIED)).isEqualTo(2);
    assertThat(writer.metrics().events(EventOutcome.DUPLICATE)).isEqualTo(2);
    assertThat(writer.metrics().events(EventOutcome.STALE)).isEqualTo(2);
  }

  @Test
  void anEmailItemHasItsKeys() {
    writer.send(Events.emailUpsert("a@x.io", "u-1", 1));

    assertThat(writer.emailItem("a@x.io"))
        .isEqualTo(
            writer
                .entities()
                .addKeys(
                    "email",
                    Map.of("email", "a@x.io", "userId", "u-1", "created", Events.CREATED)));
  }

  @Test
  void aDeleteOfAnUnseenEmailClearsEveryShardAndKeepsOlderUpsertsOut() {
    writer.send(Events.emailDelete("a@x.io", 5));
    writer.send(Events.emailUpsert("a@x.io", "u-1", 4));

    assertThat(writer.emailItem("a@x.io")).isNull();
    assertThat(writer.table().writeSizes())
        .first()
        .isEqualTo(writer.entities().candidatePrimaryKeys("email", "a@x.io").size());
  }
}
