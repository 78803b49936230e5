package io.shardstream.dynamo.write;

import java.util.ArrayList;
import java.util.List;

/** What became of one batch's writes. Filled by the one thread that writes the batch. */
final class BatchOutcome {
  final List<PlannedWrite> written = new ArrayList<>();
  final List<RejectedWrite> rejected = new ArrayList<>();

  /** Not confirmed: the batch stopped (retries ran out, fatal error, abort) or never started. */
  final List<PlannedWrite> unfinished = new ArrayList<>();

  int requests;
  int retries;

  static BatchOutcome notStarted(PlannedBatch batch) {
    BatchOutcome outcome = new BatchOutcome();
    outcome.unfinished.addAll(batch.writes());
    return outcome;
  }
}
