package io.shardstream.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts items between the engine's form (a map of property name to plain Java value) and
 * DynamoDB's attribute values.
 *
 * <p>Writing: {@link String} → S; {@link Number} → N, written exactly (a {@code BigDecimal} or
 * {@code Long} never passes through a {@code double}); {@link Boolean} → BOOL; {@code byte[]} or
 * {@code SdkBytes} → B; {@link Map} with string keys → M; {@link java.util.Collection} or array →
 * L. A {@code null} property (top level or inside a map) is left out, since absent is what null
 * means for an item; a {@code null} list element is written as NUL to keep positions. Numbers
 * outside what DynamoDB stores (more than 38 significant digits, magnitude outside 1E-130 ..
 * 1E+126, NaN, infinities) are refused here with the attribute's path rather than by DynamoDB for
 * the whole batch.
 *
 * <p>Reading: N comes back as the narrowest of {@link Long}, {@link java.math.BigInteger} (whole
 * numbers beyond a long) or {@link java.math.BigDecimal} (without trailing zeros), so an {@code
 * Integer} or {@code Double} written comes back equal in value, not in type; B → byte[]; SS/NS →
 * {@link java.util.Set}, BS → a list of byte[]; NUL → null.
 */
public final class ItemMapper {
  private ItemMapper() {}

  /** The item's attributes, in the item's iteration order, null properties left out. */
  public static Map<String, AttributeValue> toAttributes(Map<String, ?> item) {
    return AttributeWriter.item(item);
  }

  /** The item a table row holds, in the row's iteration order. */
  public static Map<String, Object> fromAttributes(Map<String, AttributeValue> attributes) {
    return AttributeReader.item(attributes);
  }

  /** One value as an attribute; {@code null} becomes NUL. */
  public static AttributeValue toAttribute(Object value) {
    return AttributeWriter.value("$", value);
  }

  /** One attribute as a plain value. */
  public static Object fromAttribute(AttributeValue value) {
    return AttributeReader.value("$", value);
  }
}
