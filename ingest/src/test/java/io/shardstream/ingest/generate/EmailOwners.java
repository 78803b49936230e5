package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.Records;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the events the generator expects to apply and records, for every email event, who owned
 * its address just before it: the uniqueness rule of DESIGN §5 from the outside.
 */
final class EmailOwners {
  private final Map<Long, String> ownerBeforeEvent = new HashMap<>();

  EmailOwners(List<GeneratedEvent> events) {
    Map<String, String> owners = new HashMap<>();
    for (GeneratedEvent event : events) {
      if (event.record() instanceof ChangeRecord.EmailEventRecord change) {
        ownerBeforeEvent.put(event.sequence(), owners.get(change.key()));
      }
      if (event.expectedOutcome() != ExpectedOutcome.APPLIED) {
        continue;
      }
      switch (event.record()) {
        case ChangeRecord.EmailEventRecord change
            when change.event().getOp() == ChangeOp.UPSERT -> {
          Email email = change.event().getEmail();
          owners.put(email.getEmail(), email.getUserId());
        }
        case ChangeRecord.EmailEventRecord change -> owners.remove(change.key());
        case ChangeRecord.UserEventRecord change when Records.op(change) == ChangeOp.DELETE ->
            owners.values().removeIf(owner -> owner.equals(change.key()));
        default -> {}
      }
    }
  }

  /** The owner of the event's address just before it; null for user events and free addresses. */
  String ownerBefore(GeneratedEvent event) {
    return ownerBeforeEvent.get(event.sequence());
  }
}
