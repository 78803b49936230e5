package io.shardstream.devstack.junit;

import io.shardstream.devstack.DevStackException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where the test components run, chosen per test JVM with the system property {@value #PROPERTY}
 * (Maven: {@code -Pcontainers} sets it for failsafe).
 */
public enum StackMode {
  /** Kafka and DynamoDB Local in the test JVM, the registry as a child process (the default). */
  IN_PROCESS("in-process"),
  /** Kafka, DynamoDB Local and the registry as containers on a Docker engine, from local images. */
  CONTAINERS("containers");

  public static final String PROPERTY = "shardstream.stack";

  private final String value;

  StackMode(String value) {
    this.value = value;
  }

  /** The property's value that selects this mode. */
  public String value() {
    return value;
  }

  /** The mode the system property names; {@link #IN_PROCESS} when it is unset or blank. */
  public static StackMode fromSystemProperty() {
    return parse(System.getProperty(PROPERTY));
  }

  static StackMode parse(String value) {
    if (value == null || value.isBlank()) {
      return IN_PROCESS;
    }
    for (StackMode mode : values()) {
      if (mode.value.equals(value.trim())) {
        return mode;
      }
    }
    throw new DevStackException(
        null,
        PROPERTY
            + "="
            + value
            + " is not a stack mode: use "
            + Arrays.stream(values()).map(StackMode::value).collect(Collectors.joining(" or ")));
  }
}
