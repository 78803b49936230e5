package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.Email;

/** What the generator knows of one email address. */
final class EmailEntity implements Replayable {
  final Email state;
  final UserEntity owner;
  long version;
  ChangeRecord lastRecord;

  EmailEntity(Email state, UserEntity owner) {
    this.state = state;
    this.owner = owner;
  }

  String address() {
    return state.getEmail();
  }

  long nextVersion() {
    return ++version;
  }

  @Override
  public ChangeRecord latestRecord() {
    return lastRecord;
  }
}
