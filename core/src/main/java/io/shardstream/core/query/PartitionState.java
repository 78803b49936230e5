package io.shardstream.core.query;

/** How far a search has read one partition, as a cursor records it. */
public sealed interface PartitionState {

  /** Nothing consumed yet: the next page reads from the partition's start. */
  record NotStarted() implements PartitionState {}

  /** Consumed up to and including {@code position}: the next page resumes after it. */
  record At(Position position) implements PartitionState {}

  /** Every item consumed and DynamoDB's pagination ended: never read again. */
  record Done() implements PartitionState {}

  PartitionState NOT_STARTED = new NotStarted();
  PartitionState DONE = new Done();
}
