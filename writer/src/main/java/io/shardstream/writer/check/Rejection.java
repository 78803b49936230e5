package io.shardstream.writer.check;

import io.shardstream.schemas.serde.DecodeFailure;
import java.util.Objects;

/**
 * Why an event is dead-lettered instead of applied.
 *
 * @param reason a stable, machine-readable code for the {@code shardstream.dlq.reason} header and
 *     the metrics tag: {@code undecodable:<failure>}, {@code invalid:<entity>.<property>:<rule>},
 *     {@code <entity>-owned-by-other-<parent>}, {@code <parent>-deleted}
 * @param detail for people: what exactly was wrong
 */
public record Rejection(String reason, String detail) {
  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** Bytes that are not an event of the topic's type. */
  public static Rejection undecodable(DecodeFailure failure, String detail) {
    return new Rejection("undecodable:" + failure.code(), detail);
  }

  /**
   * An event that breaks a rule about one property of an entity, e.g. {@code
   * invalid:user.phone:format}; {@code property} may also name the event's parts ({@code key} for
   * the Kafka key, the state or key record's field, {@code item} for the whole item).
   */
  public static Rejection invalid(String entity, String property, String rule, String detail) {
    return new Rejection("invalid:" + entity + "." + property + ":" + rule, detail);
  }

  /**
   * An UPSERT naming another parent than the live owner of the instance's unique value, e.g. {@code
   * email-owned-by-other-user}.
   */
  public static Rejection ownedByOther(String entity, String parent, String detail) {
    return new Rejection(entity + "-owned-by-other-" + parent, detail);
  }

  /**
   * A child's UPSERT whose parent is deleted when the writer sees the claim: {@code user-deleted}.
   */
  public static Rejection parentDeleted(String parent, String detail) {
    return new Rejection(parent + "-deleted", detail);
  }
}
