package io.shardstream.devstack;

/** No Java runtime new enough to run a child process (the registry) was found. */
public final class JdkNotFoundException extends DevStackException {

  public JdkNotFoundException(Component component, String message) {
    super(component, message);
  }
}
