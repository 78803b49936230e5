package io.shardstream.core.config;

/**
 * A value that breaks an attribute's declaration.
 *
 * @param rule the rule's short name: {@code max-length}, {@code format}, {@code enum}, {@code
 *     before-<other attribute>}
 * @param message what is wrong and what is allowed
 */
public record AttributeViolation(String rule, String message) {}
