package io.shardstream.dynamo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's size of an item, following its published rules (attribute names count; numbers take
 * about a byte per two digits) closely enough to refuse oversized items before they fail a whole
 * batch: the batch writer checks every put, and the writer checks before buffering a write, so it
 * can dead-letter the source event. Borderline items may still be refused by DynamoDB; the batch
 * writer then finds them by splitting the batch.
 */
public final class ItemSize {
  /** 400 KB, names included. */
  public static final long MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  public static long bytes(Map<String, AttributeValue> item) {
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
      // Lists and maps: 3 bytes, plus 1 per element, plus the elements.
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

  /** About one byte per two significant digits, plus one. */
  private static long number(String text) {
    try {
      int digits = new BigDecimal(text).stripTrailingZeros().precision();
      return (digits + 1) / 2 + 1;
    } catch (NumberFormatException e) {
      return text.length();
    }
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
