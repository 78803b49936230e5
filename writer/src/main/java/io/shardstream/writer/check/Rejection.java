package io.shardstream.writer.check;

import io.shardstream.schemas.serde.DecodeFailure;
import java.util.Objects;

/**
 * Why an event is dead-lettered instead of applied.
 *
 * @param reason a stable, machine-readable code for the {@code shardstream.dlq.reason} header and
 *     the metrics tag: {@code undecodable:<failure>}, {@code invalid:<field>:<rule>}, {@code
 *     <entity>-owned-by-other-<parent>}, {@code <parent>-deleted}
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

  /** An event that breaks a rule about one field, e.g. {@code invalid:phone:digits-only}. */
  public static Rejection invalid(String field, String rule, String detail) {
    return new Rejection("invalid:" + field + ":" + rule, detail);
  }

  /**
   * An UPSERT naming another parent than the live owner of the instance's unique value, e.g.
   * {@code email-owned-by-other-user}.
   */
  public static Rejection ownedByOther(String entity, String parent, String detail) {
    return new Rejection(entity + "-owned-by-other-" + parent, detail);
  }

  /** A child's UPSERT whose parent is deleted when the writer sees the claim: {@code user-deleted}. */
  public static Rejection parentDeleted(String parent, String detail) {
    return new Rejection(parent + "-deleted", detail);
  }
}
