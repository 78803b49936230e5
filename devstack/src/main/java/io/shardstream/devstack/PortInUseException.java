package io.shardstream.devstack;

/** A component's configured port is already taken by another process (or another stack). */
public final class PortInUseException extends DevStackException {

  private final int port;

  public PortInUseException(Component component, int port, Throwable cause) {
    super(
        component,
        component.displayName()
            + " cannot start: port "
            + port
            + " is already in use."
            + " Stop whatever listens there (an earlier devstack, a Docker container, another "
            + component.displayName()
            + "), or configure another port (0 picks a free one).",
        cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
