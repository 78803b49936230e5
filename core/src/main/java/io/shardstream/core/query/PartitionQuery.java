package io.shardstream.core.query;

import java.util.List;

/**
 * One DynamoDB Query of a plan: an index (GSI) partition, read in range-key order.
 *
 * @param position the partition's place in the plan's list, which is how cursors name it
 * @param hashKeyAttribute the GSI's hash key attribute ({@code hashKey}, {@code
 *     beneficiaryHashKey})
 * @param hashKeyValue its value for this partition ({@code user!3}, {@code user!3|beneficiaryId#b})
 * @param tableHashKeyValue the table hash key every item of the partition has: the partition's hash
 *     key itself, or the part of a sharded generated one before the first key delimiter
 * @param scanForward DynamoDB's ScanIndexForward: true for ASC
 * @param filters conditions the merger applies to every item; a reader may push them down
 */
public record PartitionQuery(
    int position,
    IndexPlan index,
    String hashKeyAttribute,
    String hashKeyValue,
    String tableHashKeyValue,
    boolean scanForward,
    List<Filter> filters) {

  public PartitionQuery {
    filters = List.copyOf(filters);
  }

  public String indexToken() {
    return index.token();
  }

  public String rangeKeyAttribute() {
    return index.rangeKeyAttribute();
  }

  public KeyType rangeKeyType() {
    return index.rangeKeyType();
  }

  public KeyCondition condition() {
    return index.condition();
  }

  /**
   * The same partition read only where its range key equals {@code value}: one run of ties. {@code
   * value} must meet this query's condition (it is a value read through it).
   */
  public PartitionQuery tiedAt(KeyValue value) {
    if (value.type() != rangeKeyType()) {
      throw new IllegalArgumentException(
          "a " + value.type() + " value for a " + rangeKeyType() + " range key");
    }
    IndexPlan narrowed =
        new IndexPlan(
            index.token(),
            index.order(),
            index.rangeKeyAttribute(),
            index.rangeKeyType(),
            index.mergePrefix(),
            new KeyCondition.Compare(RangeCondition.Operator.EQ, value));
    return new PartitionQuery(
        position,
        narrowed,
        hashKeyAttribute,
        hashKeyValue,
        tableHashKeyValue,
        scanForward,
        filters);
  }
}
