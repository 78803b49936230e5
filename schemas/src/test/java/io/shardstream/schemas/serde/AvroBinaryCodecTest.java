package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AvroBinaryCodecTest {
  private final AvroBinaryCodec<UserChangeEvent> users = AvroBinaryCodec.of(UserChangeEvent.class);
  private final AvroBinaryCodec<EmailChangeEvent> emails =
      AvroBinaryCodec.of(EmailChangeEvent.class);

  @Test
  void userUpsertRoundTripsIntoTheGeneratedClass() {
    UserChangeEvent upsert = SampleEvents.userUpsert("u-1");

    UserChangeEvent decoded = users.decode(users.encode(upsert));

    assertThat(decoded).isInstanceOf(UserChangeEvent.class).isEqualTo(upsert);
    assertThat(decoded.getEventId()).isEqualTo(upsert.getEventId());
    assertThat(decoded.getUser().getCreated()).isEqualTo(SampleEvents.CREATED);
    assertThat(decoded.getUser().getFirstName()).isEqualTo("Gómez");
  }

  @Test
  void deletesCarryOnlyTheKeyFields() {
    UserChangeEvent userDelete = users.decode(users.encode(SampleEvents.userDelete("u-1")));
    EmailChangeEvent emailDelete =
        emails.decode(emails.encode(SampleEvents.emailDelete("ada@example.com")));

    assertThat(userDelete.getUser()).isNull();
    assertThat(userDelete.getUserKey().getUserId()).isEqualTo("u-1");
    assertThat(userDelete.getUserKey().getCreated()).isEqualTo(SampleEvents.CREATED);
    assertThat(emailDelete.getEmail()).isNull();
    assertThat(emailDelete.getEmailKey().getEmail()).isEqualTo("ada@example.com");
  }

  @Test
  void emailUpsertRoundTrips() {
    EmailChangeEvent upsert = SampleEvents.emailUpsert("ada@example.com", "u-1");

    assertThat(emails.decode(emails.encode(upsert))).isEqualTo(upsert);
  }

  @Test
  void truncatedBytesAreMalformed() {
    byte[] bytes = users.encode(SampleEvents.userUpsert("u-1"));

    assertThatThrownBy(() -> users.decode(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOfSatisfying(
            UndecodableEventException.class,
            e -> assertThat(e.failure()).isEqualTo(DecodeFailure.MALFORMED_AVRO));
  }

  @Test
  void trailingBytesAreMalformed() {
    byte[] bytes = users.encode(SampleEvents.userUpsert("u-1"));

    assertThatThrownBy(() -> users.decode(Arrays.copyOf(bytes, bytes.length + 2)))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("left over");
  }

  @Test
  void anEventIdThatIsNoUuidIsMalformed() {
    // A string where the uuid logical type expects a UUID: valid Avro, invalid event.
    byte[] bytes = users.encode(SampleEvents.userUpsert("u-1"));
    byte[] notUuid = bytes.clone();
    notUuid[1] = 'z';

    assertThatThrownBy(() -> users.decode(notUuid))
        .isInstanceOfSatisfying(
            UndecodableEventException.class,
            e -> assertThat(e.failure()).isEqualTo(DecodeFailure.MALFORMED_AVRO));
  }
}
