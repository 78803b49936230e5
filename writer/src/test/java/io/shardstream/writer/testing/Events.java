package io.shardstream.writer.testing;

import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import java.time.Instant;
import java.util.UUID;

/** Change events for tests: a valid one by default, altered with the builders' setters. */
public final class Events {
  /** 2025-06-01: after the seed config's second shard bump. */
  public static final long CREATED = 1_748_736_000_000L;

  /** The record timestamp the tests send with, a day after {@link #CREATED}. */
  public static final long NOW = CREATED + 86_400_000L;

  private Events() {}

  public static User.Builder user(String userId) {
    return User.newBuilder()
        .setUserId(userId)
        .setBeneficiaryId("b-1")
        .setFirstName("Ana")
        .setLastName("Gómez-Juárez")
        .setPhone("5551234")
        .setCreated(Instant.ofEpochMilli(CREATED))
        .setUpdated(Instant.ofEpochMilli(CREATED))
        .setLocale(null);
  }

  public static UserChangeEvent userUpsert(User user, long version) {
    return UserChangeEvent.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes((user.getUserId() + "/" + version).getBytes()))
        .setOp(ChangeOp.UPSERT)
        .setVersion(version)
        .setOccurredAt(Instant.ofEpochMilli(CREATED + version))
        .setSource("test")
        .setUser(user)
        .build();
  }

  public static UserChangeEvent userUpsert(String userId, long version) {
    return userUpsert(user(userId).build(), version);
  }

  public static UserChangeEvent userDelete(String userId, long version) {
    return UserChangeEvent.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes((userId + "/delete/" + version).getBytes()))
        .setOp(ChangeOp.DELETE)
        .setVersion(version)
        .setOccurredAt(Instant.ofEpochMilli(CREATED + version))
        .setSource("test")
        .setUserKey(
            UserKey.newBuilder()
                .setUserId(userId)
                .setCreated(Instant.ofEpochMilli(CREATED))
                .build())
        .build();
  }

  public static EmailChangeEvent emailUpsert(String email, String userId, long version) {
    return emailUpsert(email, userId, version, CREATED);
  }

  public static EmailChangeEvent emailUpsert(
      String email, String userId, long version, long created) {
    return EmailChangeEvent.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes((email + "/" + userId + "/" + version).getBytes()))
        .setOp(ChangeOp.UPSERT)
        .setVersion(version)
        .setOccurredAt(Instant.ofEpochMilli(CREATED + version))
        .setSource("test")
        .setEmail(
            Email.newBuilder()
                .setEmail(email)
                .setUserId(userId)
                .setCreated(Instant.ofEpochMilli(created))
                .build())
        .build();
  }

  public static EmailChangeEvent emailDelete(String email, long version) {
    return EmailChangeEvent.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes((email + "/delete/" + version).getBytes()))
        .setOp(ChangeOp.DELETE)
        .setVersion(version)
        .setOccurredAt(Instant.ofEpochMilli(CREATED + version))
        .setSource("test")
        .setEmailKey(EmailKey.newBuilder().setEmail(email).build())
        .build();
  }
}
