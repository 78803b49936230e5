package io.shardstream.schemas;

import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic with the serdes of its keys and values, so that producers, streams and tests cannot
 * pair a topic with the wrong serde. Value serdes depend on the framing (registry or plain Avro),
 * so they are made from a {@link ChangeEventSerdes}; every call returns a new serde. Its {@link
 * #name()} is the default: every service reads the name in use from the setting {@link
 * #settingKey()}, so that the writer and the producers move together when it is set.
 */
public final class Topic<K, V> {
  private final String name;
  private final String settingKey;
  private final Supplier<Serde<K>> keySerde;
  private final Function<ChangeEventSerdes, Serde<V>> valueSerde;
  private final Schema valueSchema;

  private Topic(
      String name,
      String settingKey,
      Supplier<Serde<K>> keySerde,
      Function<ChangeEventSerdes, Serde<V>> valueSerde,
      Schema valueSchema) {
    this.name = Objects.requireNonNull(name, "name");
    this.settingKey = Objects.requireNonNull(settingKey, "settingKey");
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.valueSchema = valueSchema;
  }

  /** A topic of change events keyed by the entity's unique property, as a plain string. */
  static <V extends SpecificRecord> Topic<String, V> changeEvents(
      String name, String settingKey, Class<V> eventType) {
    return new Topic<>(
        name,
        settingKey,
        Serdes::String,
        serdes -> serdes.valueSerde(eventType),
        SpecificData.getForClass(eventType).getSchema(eventType));
  }

  /** A topic whose keys and values are opaque bytes (the dead letters keep the originals). */
  static Topic<byte[], byte[]> rawBytes(String name, String settingKey) {
    return new Topic<>(name, settingKey, Serdes::ByteArray, serdes -> Serdes.ByteArray(), null);
  }

  /** A topic of JSON values of the writer's own (the change feed), keyed by a plain string. */
  static <V> Topic<String, V> json(String name, String settingKey, Supplier<Serde<V>> values) {
    return new Topic<>(name, settingKey, Serdes::String, serdes -> values.get(), null);
  }

  /** The default name, used when the {@link #settingKey()} is not set. */
  public String name() {
    return name;
  }

  /**
   * {@code name} if Kafka accepts it as a topic name (1 to 249 of {@code [a-zA-Z0-9._-]}, not
   * {@code .} or {@code ..}), the rule brokers apply, checked here so a bad setting fails at start.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String validName(String name) {
    if (name.isEmpty() || name.length() > 249) {
      throw new IllegalArgumentException(
          "a topic name has 1 to 249 characters, '" + name + "' has " + name.length());
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("a topic cannot be named '" + name + "'");
    }
    if (!name.matches("[a-zA-Z0-9._-]+")) {
      throw new IllegalArgumentException(
          "'" + name + "' is no topic name: use only ASCII letters, digits, '.', '_' and '-'");
    }
    return name;
  }

  /** The setting that names this topic in a deployment ({@code topics.users} ...). */
  public String settingKey() {
    return settingKey;
  }

  public Serde<K> keySerde() {
    return keySerde.get();
  }

  public Serde<V> valueSerde(ChangeEventSerdes serdes) {
    return valueSerde.apply(serdes);
  }

  /** The Avro schema of the values, registered in the schema registry; empty for raw bytes. */
  public Optional<Schema> valueSchema() {
    return Optional.ofNullable(valueSchema);
  }

  @Override
  public String toString() {
    return name;
  }
}
