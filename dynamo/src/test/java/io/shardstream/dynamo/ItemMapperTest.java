package io.shardstream.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemMapperTest {

  @Test
  void roundTripsAnItemWithNestedData() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("hashKey", "user!1f");
    item.put("created", 1735700000000L);
    item.put("balance", new BigDecimal("12345678901234567890.123456"));
    item.put("huge", new BigInteger("123456789012345678901234567890"));
    item.put("active", true);
    item.put("address", Map.of("city", "Zürich", "lines", List.of("a", "b")));
    item.put("tags", Arrays.asList("x", null, 3L));

    Map<String, AttributeValue> attributes = ItemMapper.toAttributes(item);

    assertThat(attributes.get("created")).isEqualTo(AttributeValue.fromN("1735700000000"));
    assertThat(attributes.get("balance").n()).isEqualTo("12345678901234567890.123456");
    assertThat(attributes.get("huge").n()).isEqualTo("123456789012345678901234567890");
    assertThat(attributes.get("tags").l().get(1)).isEqualTo(AttributeValue.fromNul(true));
    assertThat(ItemMapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void leavesNullPropertiesOut() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("userId", "u-1");
    item.put("phone", null);
    item.put("nested", new LinkedHashMap<>(Map.of("a", 1L)));
    ((Map<String, Object>) item.get("nested")).put("b", null);

    assertThat(ItemMapper.toAttributes(item)).containsOnlyKeys("userId", "nested");
    assertThat(ItemMapper.toAttributes(item).get("nested").m()).containsOnlyKeys("a");
  }

  @Test
  void writesNumbersExactlyNeverThroughADouble() {
    assertThat(n(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(n(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(n(new BigDecimal("0.1"))).isEqualTo("0.1");
    assertThat(n(new BigDecimal("1.500000"))).isEqualTo("1.5");
    assertThat(n(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(n(new BigDecimal("9.99999999999999999999999999999999999E+125")))
        .isEqualTo("9.99999999999999999999999999999999999E+125");
    assertThat(n(new BigDecimal("1E-130"))).isEqualTo("1E-130");
    assertThat(n(0.1d)).isEqualTo("0.1");
    assertThat(n(0.1f)).isEqualTo("0.1");
    assertThat(n(-0.0d)).isEqualTo("0");
    assertThat(n(42)).isEqualTo("42");
  }

  @Test
  void readsNumbersAsTheNarrowestExactType() {
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromN("42"))).isEqualTo(42L);
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromN("1E+3"))).isEqualTo(1000L);
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromN("9223372036854775808")))
        .isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromN("-2.50")))
        .isEqualTo(new BigDecimal("-2.5"));
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromN("0.000000000000000000001")))
        .isEqualTo(new BigDecimal("1E-21"));
  }

  @Test
  void refusesNumbersDynamoDbCannotStoreNamingThePath() {
    assertThatThrownBy(() -> ItemMapper.toAttributes(Map.of("m", Map.of("x", Double.NaN))))
        .isInstanceOf(AttributeMappingException.class)
        .hasMessageStartingWith("m.x: number NaN");
    assertThatThrownBy(() -> ItemMapper.toAttribute(new BigInteger("1".repeat(39))))
        .hasMessageContaining("39 significant digits");
    assertThatThrownBy(() -> ItemMapper.toAttribute(new BigDecimal("1E+126")))
        .hasMessageContaining("outside DynamoDB's range");
    assertThatThrownBy(() -> ItemMapper.toAttribute(new BigDecimal("1E-131")))
        .hasMessageContaining("outside DynamoDB's range");
  }

  @Test
  void refusesValuesWithoutADynamoDbForm() {
    assertThatThrownBy(() -> ItemMapper.toAttributes(Map.of("l", List.of(1L, new Object()))))
        .isInstanceOfSatisfying(
            AttributeMappingException.class, e -> assertThat(e.path()).isEqualTo("l[1]"))
        .hasMessageContaining("java.lang.Object");
    assertThatThrownBy(() -> ItemMapper.toAttributes(Map.of("m", Map.of(1, "x"))))
        .hasMessageContaining("map keys must be strings");
  }

  @Test
  void mapsBinaryAndSets() {
    byte[] bytes = {1, 2, 3};
    assertThat((byte[]) ItemMapper.fromAttribute(ItemMapper.toAttribute(bytes))).isEqualTo(bytes);
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromSs(List.of("a", "b"))))
        .isEqualTo(java.util.Set.of("a", "b"));
    assertThat(ItemMapper.fromAttribute(AttributeValue.fromNs(List.of("1", "2.5"))))
        .isEqualTo(java.util.Set.of(1L, new BigDecimal("2.5")));
  }

  private static String n(Number number) {
    return ItemMapper.toAttribute(number).n();
  }
}
