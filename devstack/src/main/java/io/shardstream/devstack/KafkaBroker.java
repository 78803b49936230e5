package io.shardstream.devstack;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.SharedServer;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.BrokerState;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * A real single-node KRaft Kafka (combined broker + controller, node id 1) running in this JVM.
 *
 * <p><b>How it is built.</b> Exactly as {@code kafka.Kafka server.properties} builds a combined
 * node ({@link KafkaRaftServer}): the log folder is formatted once, its {@code meta.properties} is
 * loaded and verified, then a {@link SharedServer}, {@link ControllerServer} and {@link
 * BrokerServer} start on it. Doing those steps here instead of through {@code KafkaRaftServer}
 * changes two things: fatal faults are logged instead of halting the JVM ({@link
 * KafkaFaultHandlers}), and the controller's socket is bound before the configuration names its
 * port ({@link ControllerSocket}). Kafka's {@code KafkaClusterTestKit} cannot reopen a kept folder:
 * it gives every start new directory ids, which would not match the {@code meta.properties} on
 * disk.
 *
 * <p><b>Listeners.</b> {@code CLIENT://localhost:<port>} for clients and inter-broker traffic, on
 * the configured port (0 = any free port; the broker advertises the port it bound), and {@code
 * CONTROLLER} on a free loopback port. In-process start-up takes 1–5 s and about 20–40 MB of heap.
 *
 * <p><b>Storage.</b> Per {@link KafkaStorage}: a throwaway cluster per start, or one kept folder
 * whose topics, consumer offsets and transactions survive restarts, including after the JVM was
 * killed (Kafka recovers unflushed segments on the next start).
 */
final class KafkaBroker implements ManagedComponent {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CLIENT_LISTENER = "CLIENT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String SECURE_LISTENER = "SECURE";
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private final int configuredPort;
  private final KafkaStorage storage;
  private final Path kafkaDirectory;
  private final boolean saslSsl;
  private SecureListener secureListener;
  private KafkaLogDirectory logDirectory;
  private ControllerSocket controllerSocket;
  private Metrics metrics;
  private ControllerServer controller;
  private BrokerServer broker;
  private KafkaEndpoint endpoint;
  private SecureKafkaEndpoint secureEndpoint;

  KafkaBroker(int configuredPort, KafkaStorage storage, Path dataDirectory, boolean saslSsl) {
    this.configuredPort = configuredPort;
    this.storage = storage;
    this.kafkaDirectory = dataDirectory.resolve("kafka");
    this.saslSsl = saslSsl;
  }

  @Override
  public Component component() {
    return Component.KAFKA;
  }

  @Override
  public void preflight() {
    if (configuredPort != 0) {
      Ports.requireFree(Component.KAFKA, configuredPort);
    }
  }

  @Override
  public void deleteKeptData() {
    KafkaLogDirectory.deletePersistent(kafkaDirectory);
  }

  @Override
  public void start() {
    logDirectory = KafkaLogDirectory.create(kafkaDirectory, storage);
    try {
      controllerSocket = ControllerSocket.bindAnyFreePort(CONTROLLER_LISTENER);
      if (saslSsl) {
        secureListener = SecureListener.create(SECURE_LISTENER, kafkaDirectory.getParent());
      }
      KafkaConfig config = new KafkaConfig(brokerProperties(controllerSocket.port()), false);
      logDirectory.formatIfNew(NODE_ID, CONTROLLER_LISTENER, MetadataVersion.latestProduction());
      startServers(config);
      awaitRunning();
      endpoint = new KafkaEndpoint("localhost:" + broker.boundPort(clientListener()));
      if (secureListener != null) {
        secureEndpoint =
            secureListener.open(
                endpoint,
                "localhost:" + broker.boundPort(ListenerName.normalised(SECURE_LISTENER)));
      }
      log.info(
          "Kafka broker ready at {}{} ({}, data in {})",
          endpoint.bootstrapServers(),
          secureEndpoint == null ? "" : ", SASL_SSL at " + secureEndpoint.bootstrapServers(),
          storage,
          logDirectory.path());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new DevStackException(Component.KAFKA, "interrupted while starting Kafka", e);
    } catch (Exception e) {
      stop();
      if (hasCause(e, BindException.class)) {
        throw new PortInUseException(Component.KAFKA, configuredPort, e);
      }
      throw new DevStackException(
          Component.KAFKA, "Kafka broker failed to start: " + messageOf(e), e);
    }
  }

  KafkaEndpoint endpoint() {
    return endpoint;
  }

  /** The SASL_SSL listener, or null when the broker was not asked for one. */
  SecureKafkaEndpoint secureEndpoint() {
    return secureEndpoint;
  }

  /**
   * Broker first (it leaves the cluster through the controller), then the controller, as {@link
   * KafkaRaftServer#shutdown()} does. A per-run folder is deleted afterwards, a kept one stays.
   */
  @Override
  public void stop() {
    BrokerServer runningBroker = broker;
    ControllerServer runningController = controller;
    broker = null;
    controller = null;
    if (runningBroker != null) {
      quietly("broker", () -> runningBroker.shutdown(SHUTDOWN_TIMEOUT));
    }
    if (runningController != null) {
      quietly("controller", runningController::shutdown);
    }
    if (metrics != null) {
      quietly("metrics", metrics::close);
      metrics = null;
    }
    if (controllerSocket != null) {
      quietly("controller socket", controllerSocket::close);
      controllerSocket = null;
    }
    if (secureListener != null) {
      quietly("TLS material", secureListener::close);
      secureListener = null;
      secureEndpoint = null;
    }
    if (logDirectory != null) {
      logDirectory.release();
      logDirectory = null;
    }
  }

  private void startServers(KafkaConfig config) {
    // Loads and verifies meta.properties (cluster id, node id, directory id) like a real broker.
    Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> formatted =
        KafkaRaftServer.initializeLogDirs(config, log, "[devstack Kafka] ");
    MetaPropertiesEnsemble ensemble = formatted._1();
    metrics = new Metrics();
    SharedServer shared =
        new SharedServer(
            config,
            ensemble,
            Time.SYSTEM,
            metrics,
            // What controller.quorum.voters says; no controller.quorum.bootstrap.servers.
            CompletableFuture.completedFuture(
                Map.of(NODE_ID, new InetSocketAddress("localhost", controllerSocket.port()))),
            List.of(),
            new KafkaFaultHandlers(),
            controllerSocket);
    // Fields first, so that stop() shuts down whatever started if the other one fails.
    controller = new ControllerServer(shared, KafkaRaftServer.configSchema(), formatted._2());
    broker = new BrokerServer(shared);
    // The controller must start first: the broker learns the controller's endpoints from it.
    controller.startup();
    broker.startup();
  }

  /** {@code BrokerServer.startup()} returns once unfenced; this confirms it is serving. */
  private void awaitRunning() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (broker.brokerState() != BrokerState.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new DevStackException(
            Component.KAFKA, "Kafka broker not running after start-up: " + broker.brokerState());
      }
      Thread.sleep(20);
    }
  }

  private Map<String, Object> brokerProperties(int controllerPort) {
    Map<String, Object> props = new TreeMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("log.dirs", logDirectory.path().toString());
    String listeners =
        CLIENT_LISTENER
            + "://localhost:"
            + configuredPort
            + ","
            + CONTROLLER_LISTENER
            + "://localhost:"
            + controllerPort;
    String protocols = CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
    if (secureListener != null) {
      listeners += "," + SECURE_LISTENER + "://localhost:0";
      protocols += "," + SECURE_LISTENER + ":SASL_SSL";
      props.putAll(secureListener.brokerProperties());
    }
    props.put("listeners", listeners);
    props.put("listener.security.protocol.map", protocols);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    // A static quorum of this one node. The voter's port is read from this setting at every
    // start (not stored in the log), so a kept folder starts fine on a new controller port.
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    // One broker: every internal topic must accept a single replica, including the
    // transaction state log that exactly_once_v2 producers need.
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Fewer internal partitions (default 50 each): faster first group / transaction, fewer files.
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");
    // Nobody else will join: rebalance at once instead of waiting 3 s for more members.
    props.put("group.initial.rebalance.delay.ms", "0");
    // Small footprint: the cleaner's dedupe buffer defaults to 128 MB; fewer threads on 2 cores.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "4");
    props.put("background.threads", "4");
    return props;
  }

  private static ListenerName clientListener() {
    return ListenerName.normalised(CLIENT_LISTENER);
  }

  private static void quietly(String what, ThrowingRunnable step) {
    try {
      step.run();
    } catch (Exception e) {
      log.warn("Kafka {} did not stop cleanly", what, e);
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static String messageOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
