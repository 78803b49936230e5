package io.shardstream.devstack;

/** The pieces of local infrastructure a {@link LocalStack} can run. */
public enum Component {
  KAFKA("Kafka", 9092),
  DYNAMODB("DynamoDB Local", 8000),
  REGISTRY("Apicurio Registry", 8081);

  private final String displayName;
  private final int defaultPort;

  Component(String displayName, int defaultPort) {
    this.displayName = displayName;
    this.defaultPort = defaultPort;
  }

  /** Human-readable name, used in log lines and error messages. */
  public String displayName() {
    return displayName;
  }

  /**
   * The port the component listens on unless configured otherwise (the usual one for the product).
   */
  public int defaultPort() {
    return defaultPort;
  }
}
