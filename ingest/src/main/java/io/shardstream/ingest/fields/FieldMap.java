package io.shardstream.ingest.fields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An object's fields by their event names (the JSON lines format's: {@code userId}, {@code
 * created}), in the source's order, each with a neutral {@link FieldValue}; every source builds one
 * and {@link ChangeEventReader} makes the event from it. A field may carry what the source calls it
 * ({@code attribute 'id'}), so that problems name the field in the source's terms.
 */
public final class FieldMap {
  private final Map<String, FieldValue> values;
  private final Map<String, String> sourceNames;

  private FieldMap(Map<String, FieldValue> values, Map<String, String> sourceNames) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.sourceNames = Map.copyOf(sourceNames);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The field's value, or null when the source has no such field. */
  public FieldValue get(String name) {
    return values.get(name);
  }

  public Set<String> names() {
    return values.keySet();
  }

  /** The field as problem messages name it: {@code "user.created"}, then the source's name. */
  String label(String path, String name) {
    String quoted = "\"" + (path.isEmpty() ? name : path + "." + name) + "\"";
    String sourceName = sourceNames.get(name);
    return sourceName == null ? quoted : quoted + " (" + sourceName + ")";
  }

  /** Builds a field map; fields keep the order they are put in. */
  public static final class Builder {
    private final Map<String, FieldValue> values = new LinkedHashMap<>();
    private final Map<String, String> sourceNames = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, FieldValue value) {
      values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * What the source calls a field, for messages ({@code attribute 'id'}); it is named so whether
     * the source holds a value for it or not ({@code missing "email.email" (attribute 'address')}).
     */
    public Builder sourceName(String name, String sourceName) {
      sourceNames.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(sourceName, "sourceName"));
      return this;
    }

    public Builder text(String name, String value) {
      return put(name, new FieldValue.Text(value));
    }

    public Builder wholeNumber(String name, long value) {
      return put(
          name,
          new FieldValue.Number(java.math.BigDecimal.valueOf(value), true, Long.toString(value)));
    }

    public FieldMap build() {
      return new FieldMap(values, sourceNames);
    }
  }
}
