package io.shardstream.dynamo.write;

import java.util.List;

/**
 * Writes sent together, each key once.
 *
 * @param dependsOn earlier batches holding a key this one holds too: this batch starts only after
 *     they are settled, so a key's writes land in the caller's order
 */
record PlannedBatch(int number, List<PlannedWrite> writes, List<Integer> dependsOn) {
  public PlannedBatch {
    writes = List.copyOf(writes);
    dependsOn = List.copyOf(dependsOn);
  }
}
