package io.shardstream.core.query;

/**
 * How far a search has read one partition, as a cursor records it.
 *
 * <p>The search's order inside a partition is (range key value, table range key), but DynamoDB
 * returns items whose index range keys tie in an order of its own. So a state names a range key
 * value and how much of the run of items tied on it was consumed, never a place in DynamoDB's scan
 * alone. "Before" and "after" below are in the search's order (DESC: mirrored).
 */
public sealed interface PartitionState {

  /** Nothing consumed yet: the next page reads from the partition's start. */
  record NotStarted() implements PartitionState {}

  /**
   * Inside a run of ties: consumed every item before {@code position.rangeKey()} and, of the items
   * at that value, those whose table range key is {@code position.tableRangeKey()} or before it;
   * more items at that value remain. The next page reads the run again whole (a Query for {@code
   * range key = value}), then continues after it.
   */
  record At(Position position) implements PartitionState {}

  /**
   * Past a run: consumed every item up to and including {@code position.rangeKey()}. {@code
   * position.tableRangeKey()} is the table range key of the run's last item in DynamoDB's scan
   * order, so the ExclusiveStartKey built from the position resumes right after the run.
   */
  record Past(Position position) implements PartitionState {}

  /** Every item consumed and DynamoDB's pagination ended: never read again. */
  record Done() implements PartitionState {}

  PartitionState NOT_STARTED = new NotStarted();
  PartitionState DONE = new Done();
}
