package io.shardstream.schemas;

import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import java.time.Instant;
import java.util.UUID;

/** Change events as tests need them: valid, fixed, readable. */
public final class SampleEvents {
  public static final Instant CREATED = Instant.parse("2025-03-01T10:15:30.123Z");
  public static final Instant UPDATED = Instant.parse("2025-06-02T08:00:00.456Z");

  private SampleEvents() {}

  public static User user(String userId) {
    return User.newBuilder()
        .setUserId(userId)
        .setBeneficiaryId("b-42")
        .setFirstName("Gómez")
        .setLastName("Juárez-Álvarez")
        .setPhone("15551234567")
        .setCreated(CREATED)
        .setUpdated(UPDATED)
        .setLocale("es-MX")
        .build();
  }

  public static UserChangeEvent userUpsert(String userId) {
    return UserChangeEvent.newBuilder()
        .setEventId(UUID.fromString("6f1c1f0e-8a34-4c1e-9a57-0c0d5d1e2f3a"))
        .setOp(ChangeOp.UPSERT)
        .setVersion(UPDATED.toEpochMilli())
        .setOccurredAt(UPDATED)
        .setSource("user-service")
        .setUser(user(userId))
        .build();
  }

  public static UserChangeEvent userDelete(String userId) {
    return UserChangeEvent.newBuilder()
        .setEventId(UUID.fromString("0b9a3c6e-2d1f-4f5e-8c7b-6a5d4c3b2a19"))
        .setOp(ChangeOp.DELETE)
        .setVersion(UPDATED.toEpochMilli() + 1)
        .setOccurredAt(UPDATED.plusMillis(1))
        .setSource("ddb-stream")
        .setUserKey(new UserKey(userId, CREATED))
        .build();
  }

  public static EmailChangeEvent emailUpsert(String email, String userId) {
    return EmailChangeEvent.newBuilder()
        .setEventId(UUID.fromString("a3d2c1b0-9f8e-4d7c-8b6a-5f4e3d2c1b0a"))
        .setOp(ChangeOp.UPSERT)
        .setVersion(7)
        .setOccurredAt(CREATED)
        .setSource("file")
        .setEmail(new Email(email, userId, CREATED))
        .build();
  }

  public static EmailChangeEvent emailDelete(String email) {
    return EmailChangeEvent.newBuilder()
        .setEventId(UUID.fromString("c4b3a291-8e7f-4a6b-9c5d-4e3f2a1b0c9d"))
        .setOp(ChangeOp.DELETE)
        .setVersion(8)
        .setOccurredAt(UPDATED)
        .setSource("generator")
        .setEmailKey(new EmailKey(email))
        .build();
  }
}
