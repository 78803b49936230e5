package io.shardstream.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.testing.SeedUsers;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.table.TableCreator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB accepts every number text the mapper writes, and stores its exact value. */
@ExtendWith(DevStackExtension.class)
class ItemMapperIT {

  @Test
  void numbersAndNestedValuesSurviveDynamoDb(DynamoDbEndpoint endpoint) {
    String table = LocalDynamoDb.tableName("numbers");
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("hashKey", "user!0");
    item.put("rangeKey", "userId#n");
    item.put("created", 1735700000000L);
    item.put("max", Long.MAX_VALUE);
    item.put("min", Long.MIN_VALUE);
    item.put("digits38", new BigDecimal("12345678901234567890.123456789012345678"));
    item.put("bigInteger", new BigInteger("98765432109876543210987654321098765432"));
    item.put("tiny", new BigDecimal("1E-130"));
    item.put("largest", new BigDecimal("9.9999999999999999999999999999999999999E+125"));
    item.put("negativeTiny", new BigDecimal("-1.5E-60"));
    item.put("trailingZeros", new BigDecimal("2.500"));
    item.put("double", 0.1d);
    item.put("flag", false);
    item.put(
        "nested",
        Map.of("list", Arrays.asList("a", null, 2L, Map.of("deep", true)), "empty", Map.of()));

    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      TableCreator.ensure(client, table, SeedUsers.CONFIG);
      client.putItem(b -> b.tableName(table).item(ItemMapper.toAttributes(item)));
      Map<String, AttributeValue> stored =
          client
              .getItem(
                  b ->
                      b.tableName(table)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "hashKey",
                                  AttributeValue.fromS("user!0"),
                                  "rangeKey",
                                  AttributeValue.fromS("userId#n"))))
              .item();

      Map<String, Object> read = ItemMapper.fromAttributes(stored);
      assertThat(read).isEqualTo(ItemMapper.fromAttributes(ItemMapper.toAttributes(item)));
      assertThat(read.get("max")).isEqualTo(Long.MAX_VALUE);
      assertThat(read.get("digits38"))
          .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
      assertThat(read.get("tiny")).isEqualTo(new BigDecimal("1E-130"));
      // A whole number, however written, comes back as an integer type.
      assertThat(read.get("largest"))
          .isEqualTo(
              new BigDecimal("9.9999999999999999999999999999999999999E+125").toBigIntegerExact());
      assertThat(read.get("trailingZeros")).isEqualTo(new BigDecimal("2.5"));
      assertThat(read.get("double")).isEqualTo(new BigDecimal("0.1"));
      assertThat(((Map<?, ?>) read.get("nested")).get("list"))
          .isEqualTo(Arrays.asList("a", null, 2L, Map.of("deep", true)));
      assertThat(List.of(read.get("flag"))).containsExactly(false);
    }
  }
}
