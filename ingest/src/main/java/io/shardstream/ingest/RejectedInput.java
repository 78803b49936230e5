package io.shardstream.ingest;

import io.shardstream.schemas.DeadLetterHeaders;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Input a source could not turn into an event, as it goes to the dead-letter topic: what was wrong
 * and the input itself, so that nothing is lost when the source moves on.
 *
 * @param reason stable code ({@link DeadLetterHeaders#REASON}), e.g. {@code stream:missing-version}
 * @param detail what was wrong, for people ({@link DeadLetterHeaders#DETAIL})
 * @param key the record key, or null
 * @param value the input as the source held it (for a stream record: the record as JSON)
 * @param sourceHeaders the {@code shardstream.dlq.source.*} headers naming where the input came
 *     from
 */
public record RejectedInput(
    String reason, String detail, byte[] key, byte[] value, Map<String, String> sourceHeaders) {

  public RejectedInput {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(value, "value");
    sourceHeaders = Map.copyOf(sourceHeaders);
    for (String header : sourceHeaders.keySet()) {
      if (!header.startsWith(DeadLetterHeaders.PREFIX + "source.")) {
        throw new IllegalArgumentException("not a dead-letter source header: " + header);
      }
    }
  }

  // Records compare arrays by identity; dead letters are values.
  @Override
  public boolean equals(Object other) {
    return other instanceof RejectedInput that
        && reason.equals(that.reason)
        && detail.equals(that.detail)
        && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value)
        && sourceHeaders.equals(that.sourceHeaders);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        reason, detail, Arrays.hashCode(key), Arrays.hashCode(value), sourceHeaders);
  }

  @Override
  public String toString() {
    return "RejectedInput[" + reason + ": " + detail + ", " + sourceHeaders + "]";
  }
}
