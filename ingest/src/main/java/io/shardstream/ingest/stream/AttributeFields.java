package io.shardstream.ingest.stream;

import io.shardstream.ingest.fields.FieldMap;
import io.shardstream.ingest.fields.FieldValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB attributes as neutral field values: S → text, N → number (whole when it has no fraction:
 * DynamoDB keeps no scale, so {@code 1.0} is the whole number 1), BOOL → boolean, NULL → null, M →
 * fields, L and sets → sequences, B → binary. The event's rules then judge a stream record's values
 * as they judge a JSON line's.
 */
final class AttributeFields {
  private AttributeFields() {}

  static FieldValue value(AttributeValue value) {
    return switch (value.type()) {
      case S -> new FieldValue.Text(value.s());
      case N -> number(value.n());
      case BOOL -> new FieldValue.Bool(value.bool());
      case NUL -> new FieldValue.Null();
      case B -> FieldValue.Binary.of(value.b().asByteArray());
      case SS -> sequence(value.ss().stream().<FieldValue>map(FieldValue.Text::new).toList());
      case NS -> sequence(value.ns().stream().map(AttributeFields::number).toList());
      case BS ->
          sequence(
              value.bs().stream()
                  .<FieldValue>map(b -> FieldValue.Binary.of(b.asByteArray()))
                  .toList());
      case L -> sequence(value.l().stream().map(AttributeFields::value).toList());
      case M -> {
        FieldMap.Builder fields = FieldMap.builder();
        value.m().forEach((name, element) -> fields.put(name, value(element)));
        yield new FieldValue.Fields(fields.build());
      }
      case UNKNOWN_TO_SDK_VERSION -> new FieldValue.Text(String.valueOf(value));
    };
  }

  /**
   * The event fields {@code names} read from an image through the source mapping; a field stored
   * under another attribute name is named by it in problems ({@code attribute 'address'}).
   */
  static FieldMap fields(
      Map<String, AttributeValue> image, Iterable<String> names, SourceMapping mapping) {
    FieldMap.Builder fields = FieldMap.builder();
    for (String field : names) {
      String attribute = mapping.attribute(field);
      if (mapping.attributeNames().containsKey(field)) {
        fields.sourceName(field, "attribute '" + attribute + "'");
      }
      AttributeValue value = image.get(attribute);
      if (value != null) {
        fields.put(field, value(value));
      }
    }
    return fields.build();
  }

  private static FieldValue number(String text) {
    BigDecimal decimal = new BigDecimal(text);
    boolean whole = decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    return new FieldValue.Number(
        decimal, whole, whole ? decimal.toBigIntegerExact().toString() : decimal.toString());
  }

  private static FieldValue sequence(List<FieldValue> elements) {
    return new FieldValue.Sequence(new ArrayList<>(elements));
  }
}
