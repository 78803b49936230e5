package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.User;
import java.util.ArrayList;
import java.util.List;

/** What the generator knows of one user: its current state, last version and emails. */
final class UserEntity implements Replayable {
  User state;

  /**
   * The last version handed out, including to invalid events (the writer never saw those apply).
   */
  long version;

  /** The user's latest valid event, which a duplicate re-sends. */
  ChangeRecord lastRecord;

  final List<EmailEntity> emails = new ArrayList<>();

  /** Emails deleted on their own, before the user. */
  final List<EmailEntity> formerEmails = new ArrayList<>();

  UserEntity(User state) {
    this.state = state;
  }

  String userId() {
    return state.getUserId();
  }

  long nextVersion() {
    return ++version;
  }

  @Override
  public ChangeRecord latestRecord() {
    return lastRecord;
  }
}
