package io.shardstream.core.config;

import java.util.List;

/**
 * A property whose value is built from other properties: {@code element#value|element#value}. A
 * sharded one starts with the item's hash key ({@code user!3|userId#42}) and so can serve as an
 * index hash key; an unsharded one serves as a range key.
 */
public record GeneratedProperty(String name, boolean sharded, List<String> elements) {
  public GeneratedProperty {
    elements = List.copyOf(elements);
  }
}
