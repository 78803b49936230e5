package io.shardstream.writer.item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's size of an item by its published rules (attribute names count; numbers take about a
 * byte per two digits). The dynamo module keeps its own copy internal; the writer needs the number
 * before buffering a write, to dead-letter the source event instead of failing a batch later.
 */
final class ItemSize {
  /** 400 KB, attribute names included. */
  static final long MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  static long bytes(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      bytes += utf8(attribute.getKey()) + bytes(attribute.getValue());
    }
    return bytes;
  }

  private static long bytes(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n());
      case B -> value.b().asByteArrayUnsafe().length;
      case BOOL, NUL -> 1;
      case M ->
          3
              + value.m().entrySet().stream()
                  .mapToLong(e -> 1 + utf8(e.getKey()) + bytes(e.getValue()))
                  .sum();
      case L -> 3 + value.l().stream().mapToLong(v -> 1 + bytes(v)).sum();
      case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
      case BS -> value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
      case UNKNOWN_TO_SDK_VERSION -> 0;
    };
  }

  private static long number(String text) {
    try {
      return (new BigDecimal(text).stripTrailingZeros().precision() + 1) / 2 + 1;
    } catch (NumberFormatException e) {
      return text.length();
    }
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
