package io.shardstream.core.keys;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.transcode.Transcode;
import io.shardstream.core.transcode.TranscodeException;
import io.shardstream.core.transcode.Transcodes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Encodes and decodes single key elements with the transcode the configuration gives them. */
final class ElementCodec {
  private final String keyDelimiter;

  /** Each transcoded property's transcode, looked up once (keys are encoded per item). */
  private final Map<String, Transcode> transcodes = new HashMap<>();

  ElementCodec(EntityConfig config) {
    this.keyDelimiter = config.generatedKeyDelimiter();
    config.propertyTranscodes().forEach((p, t) -> transcodes.put(p, Transcodes.require(t)));
  }

  /** The transcode of {@code property}, or an error naming it when it has none. */
  Transcode transcode(String property) {
    Transcode transcode = transcodes.get(property);
    if (transcode == null) {
      throw new KeyException(property, "property '" + property + "' has no transcode");
    }
    return transcode;
  }

  /** The element's value as it appears inside a generated key. */
  String encode(String property, Object value) {
    return encode(property, transcode(property), value);
  }

  /** {@link #encode(String, Object)} with the property's transcode already looked up. */
  String encode(String property, Transcode transcode, Object value) {
    String encoded;
    try {
      encoded = transcode.encode(value);
    } catch (TranscodeException e) {
      throw new KeyException(property, "property '" + property + "': " + e.getMessage());
    }
    if (encoded.contains(keyDelimiter)) {
      throw new KeyException(
          KeyRule.DELIMITER,
          property,
          "property '"
              + property
              + "' value contains the generated"
              + " key delimiter '"
              + keyDelimiter
              + "', which would make keys "
              + "ambiguous");
    }
    return encoded;
  }

  Object decode(String property, String encoded) {
    Transcode transcode = transcode(property);
    try {
      return transcode.decode(encoded);
    } catch (TranscodeException e) {
      throw new KeyException(property, "property '" + property + "': " + e.getMessage());
    }
  }

  /**
   * The string a unique id is hashed as for its shard: the id itself, or the decimal form of a
   * number. (Entity Manager once hashed numbers themselves, sending every numeric id to one shard.)
   */
  static String hashInput(String property, Object uniqueId) {
    if (uniqueId instanceof String s) {
      return s;
    }
    if (uniqueId instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (uniqueId instanceof Double || uniqueId instanceof Float) {
      double value = ((Number) uniqueId).doubleValue();
      return value == Math.rint(value) && Math.abs(value) < 1e18
          ? Long.toString((long) value)
          : Double.toString(value);
    }
    if (uniqueId instanceof Number
        || uniqueId instanceof BigInteger
        || uniqueId instanceof Boolean) {
      return uniqueId.toString();
    }
    throw new KeyException(
        property, "unique property '" + property + "' must be a string or a number");
  }

  /** An item's timestamp as epoch milliseconds. */
  static long timestamp(String property, Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new KeyException(
            property,
            "timestamp property '" + property + "' must be whole epoch milliseconds, got " + value);
      }
    }
    throw new KeyException(
        property,
        "timestamp property '"
            + property
            + "' must be a number (epoch milliseconds), got "
            + (value == null ? "nothing" : value));
  }
}
