package io.shardstream.devstack;

import java.util.Optional;

/** A local infrastructure component could not be started, reached or stopped. */
public class DevStackException extends RuntimeException {

  private final Component component;

  public DevStackException(Component component, String message) {
    this(component, message, null);
  }

  public DevStackException(Component component, String message, Throwable cause) {
    super(message, cause);
    this.component = component;
  }

  /** The component at fault, when the failure belongs to one. */
  public Optional<Component> component() {
    return Optional.ofNullable(component);
  }
}
