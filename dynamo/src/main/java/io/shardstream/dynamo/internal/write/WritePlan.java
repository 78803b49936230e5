package io.shardstream.dynamo.internal.write;

import io.shardstream.dynamo.write.RejectedWrite;
import java.util.List;

/** The batches to send, and the operations refused before sending. */
public record WritePlan(List<PlannedBatch> batches, List<RejectedWrite> rejected, int superseded) {
  public WritePlan {
    batches = List.copyOf(batches);
    rejected = List.copyOf(rejected);
  }
}
