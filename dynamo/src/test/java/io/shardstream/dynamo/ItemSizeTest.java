package io.shardstream.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {
  @Test
  void countsNamesAndValuesTheWayDynamoDbDoes() {
    Map<String, AttributeValue> item =
        Map.of(
            "id", AttributeValue.fromS("héllo"), // 2 + 6
            "n", AttributeValue.fromN("12345"), // 1 + (5+1)/2+1 = 4
            "ok", AttributeValue.fromBool(true), // 2 + 1
            "l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab")))); // 1 + 3 + 1 + 2

    assertThat(ItemSize.bytes(item)).isEqualTo(8 + 5 + 3 + 7);
  }
}
