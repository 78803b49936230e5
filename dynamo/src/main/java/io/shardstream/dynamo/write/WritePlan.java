package io.shardstream.dynamo.write;

import java.util.List;

/** The batches to send, and the operations refused before sending. */
record WritePlan(List<PlannedBatch> batches, List<RejectedWrite> rejected, int superseded) {
  public WritePlan {
    batches = List.copyOf(batches);
    rejected = List.copyOf(rejected);
  }
}
