package io.shardstream.devstack;

import kafka.server.FaultHandlerFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault handling for a broker that shares its JVM with an application or a test run. A standalone
 * broker halts its process on a fatal fault (metadata it cannot load or apply); here that would
 * kill the demo or the test JVM with no message, so fatal faults are logged as errors and the
 * broker carries on degraded, as Kafka's own test kit does.
 */
final class KafkaFaultHandlers implements FaultHandlerFactory {

  private static final Logger log = LoggerFactory.getLogger(KafkaFaultHandlers.class);

  @Override
  public FaultHandler build(String name, boolean fatal, Runnable action) {
    return (message, cause) -> {
      log.error(
          "Kafka broker: {} fault in {}: {}", fatal ? "fatal" : "non-fatal", name, message, cause);
      action.run();
      return new RuntimeException(message, cause);
    };
  }
}
