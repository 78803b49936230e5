package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Wraps states and keys in event envelopes, with event ids drawn from the seeded random source. */
final class EventFactory {
  private final Random random;
  private final String source;

  EventFactory(Random random, String source) {
    this.random = random;
    this.source = source;
  }

  ChangeRecord userUpsert(User user, long version, Instant occurredAt) {
    return ChangeRecord.of(userEvent(ChangeOp.UPSERT, version, occurredAt).setUser(user).build());
  }

  ChangeRecord userDelete(UserKey key, long version, Instant occurredAt) {
    return ChangeRecord.of(userEvent(ChangeOp.DELETE, version, occurredAt).setUserKey(key).build());
  }

  ChangeRecord emailUpsert(Email email, long version, Instant occurredAt) {
    return ChangeRecord.of(
        emailEvent(ChangeOp.UPSERT, version, occurredAt).setEmail(email).build());
  }

  ChangeRecord emailDelete(String address, long version, Instant occurredAt) {
    return ChangeRecord.of(
        emailEvent(ChangeOp.DELETE, version, occurredAt)
            .setEmailKey(new EmailKey(address))
            .build());
  }

  private UserChangeEvent.Builder userEvent(ChangeOp op, long version, Instant occurredAt) {
    return UserChangeEvent.newBuilder()
        .setEventId(eventId())
        .setOp(op)
        .setVersion(version)
        .setOccurredAt(occurredAt)
        .setSource(source);
  }

  private EmailChangeEvent.Builder emailEvent(ChangeOp op, long version, Instant occurredAt) {
    return EmailChangeEvent.newBuilder()
        .setEventId(eventId())
        .setOp(op)
        .setVersion(version)
        .setOccurredAt(occurredAt)
        .setSource(source);
  }

  /**
   * A random (version 4) UUID, but from the seeded source: UUID.randomUUID would break determinism.
   */
  private UUID eventId() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
