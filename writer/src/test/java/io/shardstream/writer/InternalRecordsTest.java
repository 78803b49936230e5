package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.writer.event.SourceRecord;
import io.shardstream.writer.stage.CascadeCommand;
import io.shardstream.writer.stage.EmailOwnerChange;
import io.shardstream.writer.state.EmailState;
import io.shardstream.writer.state.JsonSerde;
import io.shardstream.writer.state.UserEmails;
import org.junit.jupiter.api.Test;

/** The writer's own records survive their JSON round trip through topics and stores. */
class InternalRecordsTest {

  @Test
  void roundTrips() {
    SourceRecord source =
        new SourceRecord(
            "emails.changes",
            2,
            41,
            1_700_000_000_000L,
            new byte[] {'a'},
            new byte[] {0, 1, 2, -1});
    EmailOwnerChange claim = EmailOwnerChange.claim("a@x.io", "u-1", 3, "id-1", source);
    assertThat(roundTrip(claim, EmailOwnerChange.class)).isEqualTo(claim);
    assertThat(
            roundTrip(EmailOwnerChange.release("a@x.io", "u-1", 4, "id-2"), EmailOwnerChange.class)
                .source())
        .isNull();
    CascadeCommand command =
        new CascadeCommand("a@x.io", "u-1", 3, CascadeCommand.Cause.USER_DELETED);
    assertThat(roundTrip(command, CascadeCommand.class)).isEqualTo(command);
    EmailState tombstone = EmailState.tombstone(5, "a@x.io", null);
    assertThat(roundTrip(tombstone, EmailState.class)).isEqualTo(tombstone);
    UserEmails emails = UserEmails.NONE.withClaim("b@x.io", 2).withClaim("a@x.io", 1);
    assertThat(roundTrip(emails, UserEmails.class)).isEqualTo(emails);
  }

  @Test
  void aReleaseRemovesOnlyAClaimNoNewerThanItself() {
    UserEmails emails = UserEmails.NONE.withClaim("a@x.io", 5);

    assertThat(emails.withoutClaim("a@x.io", 4).claims()).containsKey("a@x.io");
    assertThat(emails.withoutClaim("a@x.io", 5).isEmpty()).isTrue();
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    JsonSerde<T> serde = JsonSerde.of(type);
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}
