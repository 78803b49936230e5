package io.shardstream.writer.event;

import io.shardstream.core.config.AttributeDefinition;
import java.util.Optional;

/**
 * The attribute another attribute may not precede ({@code "notBefore": "created"} on {@code
 * updated}). A stand-in until core's {@code AttributeDefinition.notBefore()} (issue 11, i11-core)
 * is merged: then this reads it, and the rule applies to every entity that declares it.
 */
final class NotBefore {
  private NotBefore() {}

  static Optional<String> of(AttributeDefinition attribute) {
    return Optional.empty();
  }
}
