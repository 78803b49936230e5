package io.shardstream.queryapi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A dead letter's original bytes as people can read them: an event from a source topic decoded
 * through the registry to its JSON form; a value that is JSON already (the DynamoDB Streams source
 * dead-letters stream records as JSON) parsed; anything else as base64, with why it was not
 * decoded.
 */
public final class EventDecoding {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ChangeEventDecoder<?>> decoders = new HashMap<>();

  /**
   * @param serdes how the source topics' events are framed; empty: no event is decoded
   * @param entityTopics each entity's change topic by entity token
   * @param eventSchemas each entity's derived event schema by entity token: an event is decoded
   *     into it, whatever schema it was written with
   */
  public EventDecoding(
      Optional<ChangeEventSerdes> serdes,
      Map<String, String> entityTopics,
      Map<String, Schema> eventSchemas) {
    serdes.ifPresent(
        s ->
            entityTopics.forEach(
                (entity, topic) -> {
                  Schema schema = eventSchemas.get(entity);
                  if (schema != null) {
                    decoders.put(topic, s.genericDecoder(schema));
                  }
                }));
  }

  /**
   * The original value for display.
   *
   * @param json the event (or the JSON value) when it decoded, else null
   * @param base64 the bytes when they did not decode, else null
   * @param problem why they did not decode, else null
   */
  public record Shown(JsonNode json, String base64, String problem) {}

  public Shown value(DeadLetter letter) {
    byte[] value = letter.value();
    if (value == null) {
      return new Shown(null, null, "the record has no value (a tombstone)");
    }
    String sourceTopic = letter.header(DeadLetterHeaders.SOURCE_TOPIC);
    ChangeEventDecoder<?> decoder = sourceTopic == null ? null : decoders.get(sourceTopic);
    String problem;
    if (decoder != null) {
      try {
        switch (decoder.decode(sourceTopic, value)) {
          case DecodeResult.Ok<?> ok -> {
            // Avro's JSON form of the event (its toString), as a JSON tree.
            return new Shown(JSON.readTree(ok.event().toString()), null, null);
          }
          case DecodeResult.Failed<?> failed -> problem = failed.detail();
        }
      } catch (IOException | RuntimeException e) {
        // An unreachable registry included: the bytes are still shown.
        problem = "not decoded: " + e.getMessage();
      }
    } else {
      problem =
          sourceTopic == null
              ? "no source topic header"
              : "no decoder for topic '" + sourceTopic + "' (set registry.url to decode events)";
    }
    Optional<JsonNode> json = jsonObject(value);
    if (json.isPresent()) {
      return new Shown(json.get(), null, null);
    }
    return new Shown(null, Base64.getEncoder().encodeToString(value), problem);
  }

  /** The key as text when it is UTF-8, else base64 (second element true). */
  public static Map.Entry<String, Boolean> key(byte[] key) {
    if (key == null) {
      return null;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(key))
              .toString();
      return Map.entry(text, false);
    } catch (CharacterCodingException e) {
      return Map.entry(Base64.getEncoder().encodeToString(key), true);
    }
  }

  private static Optional<JsonNode> jsonObject(byte[] value) {
    if (value.length == 0 || value[0] != '{') {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(value);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
