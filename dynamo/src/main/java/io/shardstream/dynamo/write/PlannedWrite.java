package io.shardstream.dynamo.write;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An operation as it will be sent.
 *
 * @param index its position in the caller's list
 * @param supersededIndexes earlier operations for the same key in the same batch, replaced by this
 */
record PlannedWrite(
    int index,
    WriteOperation operation,
    Map<String, AttributeValue> key,
    WriteRequest request,
    List<Integer> supersededIndexes) {

  public PlannedWrite {
    supersededIndexes = List.copyOf(supersededIndexes);
  }
}
