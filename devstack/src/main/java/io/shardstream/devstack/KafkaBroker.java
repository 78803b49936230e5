package io.shardstream.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka (combined broker + controller) running in this JVM through Kafka's
 * own {@link KafkaClusterTestKit}.
 *
 * <p><b>Why in-process and how the port is pinned.</b> The test kit pre-binds a random port for
 * each listener it knows about (broker {@code EXTERNAL}, {@code CONTROLLER}) and hands those
 * sockets to the broker whatever {@code listeners} says, so its own listener cannot be pinned. But
 * listeners it does not know about are bound normally from the configuration. The broker therefore
 * gets a third listener, {@code CLIENT://localhost:<port>}, which clients use; the kit's listeners
 * stay on random ports for inter-broker and controller traffic. Port 0 works too (the broker
 * advertises the port it actually bound). In-process start-up takes 1–5 s and about 20–40 MB of
 * heap, so the separate-process fallback ({@code StorageTool format} + {@code kafka.Kafka}) was not
 * needed.
 *
 * <p>The broker is a fresh cluster at every start (new storage, new cluster id), so its log folder
 * is per run and deleted on stop.
 */
final class KafkaBroker implements ManagedComponent {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final String CLIENT_LISTENER = "CLIENT";
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final int configuredPort;
  private final Path kafkaDirectory;
  private KafkaClusterTestKit cluster;
  private KafkaEndpoint endpoint;

  KafkaBroker(int configuredPort, Path dataDirectory) {
    this.configuredPort = configuredPort;
    this.kafkaDirectory = dataDirectory.resolve("kafka");
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
  public void start() {
    Path runDirectory = newRunDirectory();
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder(productionBootstrapMetadata())
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBaseDirectory(runDirectory)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      brokerProperties(nodes).forEach(builder::setConfigProp);
      cluster = builder.build();
      format(cluster, nodes);
      cluster.startup();
      cluster.waitForReadyBrokers();
      endpoint = new KafkaEndpoint("localhost:" + clientPort());
      log.info("Kafka broker ready at {}", endpoint.bootstrapServers());
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
          Component.KAFKA, "Kafka broker failed to start: " + e.getMessage(), e);
    }
  }

  KafkaEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void stop() {
    KafkaClusterTestKit running = cluster;
    cluster = null;
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (Exception e) {
      log.warn("Kafka broker did not stop cleanly", e);
    }
  }

  /**
   * Bootstrap metadata for the newest production metadata version with every production feature at
   * its default level there. The kit's default is the newest <em>testing</em> version, which real
   * brokers do not run.
   */
  private static BootstrapMetadata productionBootstrapMetadata() {
    MetadataVersion version = MetadataVersion.latestProduction();
    Map<String, Short> features =
        Feature.PRODUCTION_FEATURES.stream()
            .collect(
                Collectors.toMap(
                    Feature::featureName, f -> f.defaultLevel(version), (a, b) -> a, TreeMap::new));
    return BootstrapMetadata.fromVersions(version, features, "shardstream-devstack");
  }

  /**
   * What {@link KafkaClusterTestKit#format()} does for a combined node, minus the unreleased
   * feature versions it allows, and with the formatter's report sent to the debug log instead of
   * {@code System.out} (two long lines on the console at every start otherwise).
   */
  private static void format(KafkaClusterTestKit cluster, TestKitNodes nodes) throws Exception {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    for (ControllerServer controller : cluster.controllers().values()) {
      MetaPropertiesEnsemble ensemble = controller.sharedServer().metaPropsEnsemble();
      new Formatter()
          .setPrintStream(new PrintStream(report, true, StandardCharsets.UTF_8))
          .setNodeId(ensemble.nodeId().orElseThrow())
          .setClusterId(ensemble.clusterId().orElseThrow())
          .setDirectories(ensemble.logDirProps().keySet())
          .setMetadataLogDirectory(ensemble.metadataLogDir())
          .setReleaseVersion(nodes.bootstrapMetadata().metadataVersion())
          .setControllerListenerName(nodes.controllerListenerName().value())
          .run();
    }
    log.debug("formatted Kafka storage: {}", report.toString(StandardCharsets.UTF_8).strip());
  }

  private Map<String, Object> brokerProperties(TestKitNodes nodes) {
    String broker = nodes.brokerListenerName().value();
    String controller = nodes.controllerListenerName().value();
    Map<String, Object> props = new TreeMap<>();
    props.put(
        "listeners",
        broker
            + "://localhost:0,"
            + controller
            + "://localhost:0,"
            + CLIENT_LISTENER
            + "://localhost:"
            + configuredPort);
    props.put(
        "listener.security.protocol.map",
        broker + ":PLAINTEXT," + controller + ":PLAINTEXT," + CLIENT_LISTENER + ":PLAINTEXT");
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
    // Behave like a released broker (the kit enables unreleased APIs and features by default).
    props.put("unstable.api.versions.enable", "false");
    props.put("unstable.feature.versions.enable", "false");
    return props;
  }

  private int clientPort() {
    BrokerServer broker = cluster.brokers().values().iterator().next();
    return broker.boundPort(ListenerName.normalised(CLIENT_LISTENER));
  }

  /**
   * A folder of its own for this run: two brokers of one JVM (a test's own stack next to the shared
   * one) must not share log folders. Folders left by runs whose JVM died are removed.
   */
  private Path newRunDirectory() {
    try {
      Files.createDirectories(kafkaDirectory);
      deleteRunsOfDeadProcesses();
      long pid = ProcessHandle.current().pid();
      return Files.createDirectories(kafkaDirectory.resolve(pid + "-" + RUNS.incrementAndGet()));
    } catch (IOException e) {
      throw new DevStackException(
          Component.KAFKA, "cannot create Kafka folder under " + kafkaDirectory, e);
    }
  }

  private void deleteRunsOfDeadProcesses() throws IOException {
    try (Stream<Path> runs = Files.list(kafkaDirectory)) {
      runs.filter(Files::isDirectory)
          .filter(run -> !ownerAlive(run.getFileName().toString()))
          .forEach(FileTrees::deleteQuietly);
    }
  }

  private static boolean ownerAlive(String runName) {
    int dash = runName.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? runName : runName.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not ours: leave it alone
    }
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
