package io.shardstream.ingest.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.ingest.fields.FieldMap;
import io.shardstream.ingest.fields.FieldValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A JSON line's values as neutral field values, each number shown as the line wrote it. */
final class JsonFields {
  private JsonFields() {}

  static FieldMap object(JsonNode object) {
    FieldMap.Builder fields = FieldMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.put(field.getKey(), value(field.getValue()));
    }
    return fields.build();
  }

  static FieldValue value(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> new FieldValue.Text(node.textValue());
      case NUMBER ->
          new FieldValue.Number(node.decimalValue(), node.isIntegralNumber(), node.toString());
      case BOOLEAN -> new FieldValue.Bool(node.booleanValue());
      case OBJECT -> new FieldValue.Fields(object(node));
      case ARRAY -> {
        List<FieldValue> elements = new ArrayList<>();
        node.forEach(element -> elements.add(value(element)));
        yield new FieldValue.Sequence(elements);
      }
      case NULL, MISSING -> new FieldValue.Null();
      case BINARY, POJO -> new FieldValue.Text(node.asText());
    };
  }
}
