package io.shardstream.devstack;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (used by sqlite4java inside DynamoDB Local and by the AWS SDK v1's
 * commons-logging fallback) to SLF4J, so one Logback configuration decides what is shown. Kafka and
 * Jetty log through SLF4J already; DynamoDB Local's log4j 2 calls arrive through log4j-to-slf4j.
 *
 * <p>Pair it with Logback's {@code LevelChangePropagator} (see {@code logback-devstack.xml}) so
 * that records filtered out by Logback are not built by JUL first.
 */
public final class DevStackLogging {

  private DevStackLogging() {}

  /**
   * Idempotent; replaces JUL's console handler, which would otherwise print the same records again.
   */
  public static synchronized void routeJulToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
