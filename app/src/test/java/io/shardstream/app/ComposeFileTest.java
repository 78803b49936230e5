package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shardstream.devstack.Component;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.queryapi.QueryApiSettings;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.Topics;
import io.shardstream.service.Settings;
import io.shardstream.service.SettingsLoader;
import io.shardstream.writer.WriterSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Keeps docker-compose.yml honest against the code without starting it (deploy/compose-smoke.sh
 * starts it): published ports are the code's defaults and overridable, every {@code SHARDSTREAM_*}
 * variable is a setting the service reads and its value passes the service's own validation, the
 * topics are {@link Topics}, the image is the one the Jib configuration in app/pom.xml builds, the
 * infrastructure images default to the official ones at the parent pom's versions and are
 * overridable by the variables deploy/images/build.sh records, the registry keeps its schemas in
 * Kafka.
 */
class ComposeFileTest {
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::?-([^}]*))?}");

  private static Path root;
  private static JsonNode services;

  @BeforeAll
  static void readComposeFile() throws IOException {
    root = repositoryRoot();
    services =
        new ObjectMapper(new YAMLFactory())
            .readTree(root.resolve("docker-compose.yml").toFile())
            .path("services");
  }

  @Test
  void hasTheWholeStack() {
    assertThat(fieldNames(services))
        .contains("kafka", "kafka-topics", "registry", "dynamodb", "writer", "query-api");
  }

  @Test
  void servicesListenOnTheCodesDefaultPorts() {
    assertPublished("writer", WriterSettings.DEFAULT_HTTP_PORT, WriterSettings.DEFAULT_HTTP_PORT);
    assertPublished("query-api", QueryApiSettings.DEFAULT_PORT, QueryApiSettings.DEFAULT_PORT);
    assertThat(environment("writer").get("SHARDSTREAM_HTTP_PORT"))
        .isEqualTo(Integer.toString(WriterSettings.DEFAULT_HTTP_PORT));
    assertThat(environment("query-api").get("SHARDSTREAM_HTTP_PORT"))
        .isEqualTo(Integer.toString(QueryApiSettings.DEFAULT_PORT));
  }

  @Test
  void infrastructureIsPublishedWhereTheHostDefaultsPoint() {
    int kafkaPort = port(WriterSettings.defaults().get(IngestSettings.BOOTSTRAP_SERVERS));
    assertThat(kafkaPort)
        .isEqualTo(port(IngestSettings.defaults().get(IngestSettings.BOOTSTRAP_SERVERS)))
        .isEqualTo(Component.KAFKA.defaultPort());
    assertPublished("kafka", kafkaPort, kafkaPort);
    assertThat(listeners(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")))
        .containsValue("localhost:" + kafkaPort);

    int registryPort =
        URI.create(WriterSettings.defaults().get(WriterSettings.REGISTRY_URL)).getPort();
    assertThat(registryPort)
        .isEqualTo(URI.create(IngestSettings.defaults().get(IngestSettings.REGISTRY_URL)).getPort())
        .isEqualTo(Component.REGISTRY.defaultPort());
    // 8080: Apicurio's own port inside its container.
    assertThat(published("registry")).containsEntry(registryPort, 8080);

    int dynamoPort = Component.DYNAMODB.defaultPort();
    assertPublished("dynamodb", dynamoPort, dynamoPort);
    assertThat(service("dynamodb").path("command").toString()).contains("-sharedDb", "-dbPath");
  }

  @Test
  void servicesReachEachOtherOnThePublishedContainerPorts() {
    String internalKafka =
        listeners(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).get("INTERNAL");
    for (String service : List.of("writer", "generate")) {
      Map<String, String> env = environment(service);
      assertThat(env.get("SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS"))
          .as(service)
          .isEqualTo(internalKafka);
      assertPointsAt(env.get("SHARDSTREAM_REGISTRY_URL"), "registry");
    }
    for (String service : List.of("writer", "query-api")) {
      assertPointsAt(environment(service).get("SHARDSTREAM_DYNAMODB_ENDPOINT"), "dynamodb");
    }
    assertThat(environment("writer").get("SHARDSTREAM_DYNAMODB_TABLE"))
        .isEqualTo(environment("query-api").get("SHARDSTREAM_DYNAMODB_TABLE"));
  }

  @Test
  void everyShardstreamVariableIsASettingTheServiceReads() {
    Map<String, Map<String, String>> keysByCommand =
        Map.of(
            "writer", WriterSettings.defaults(),
            "query-api", QueryApiSettings.defaults(),
            "generate", IngestSettings.defaults());
    for (String service : shardstreamServices()) {
      String command = command(service);
      assertThat(keysByCommand).as("settings of command '%s'", command).containsKey(command);
      Set<String> known =
          keysByCommand.get(command).keySet().stream()
              .map(Settings::envName)
              .collect(Collectors.toSet());
      List<String> unknown =
          environment(service).keySet().stream()
              .filter(name -> name.startsWith(Settings.ENV_PREFIX))
              .filter(name -> !known.contains(name))
              .toList();
      assertThat(unknown).as("SHARDSTREAM_* variables of '%s' no setting reads", service).isEmpty();
    }
  }

  @Test
  void theServicesAcceptTheirSettings() {
    assertThatCode(() -> WriterSettings.from(settings("writer", WriterSettings.defaults())))
        .doesNotThrowAnyException();
    assertThatCode(() -> QueryApiSettings.from(settings("query-api", QueryApiSettings.defaults())))
        .doesNotThrowAnyException();
    Settings ingest = settings("generate", IngestSettings.defaults());
    assertThat(IngestSettings.registry(ingest).autoRegister()).isTrue();
    assertThat(IngestSettings.producerConfig(ingest)).containsKey("bootstrap.servers");
  }

  @Test
  void writerAndQueryApiShareTheSeedEntityConfiguration() throws IOException {
    for (String service : List.of("writer", "query-api")) {
      Path config = hostPath(service, environment(service).get("SHARDSTREAM_ENTITY_CONFIG"));
      assertThat(Files.readString(config, StandardCharsets.UTF_8))
          .as(service)
          .isEqualTo(ExampleConfigs.userEmail());
    }
  }

  @Test
  void sourceTopicsAreTheCodesTopicsWithTheWritersPartitionCount() {
    String script = String.join("\n", texts(service("kafka-topics").path("command")));
    Matcher topics = Pattern.compile("for topic in ([^;]+);").matcher(script);
    assertThat(topics.find()).as("topic loop in kafka-topics").isTrue();
    assertThat(List.of(topics.group(1).trim().split("\\s+")))
        .containsExactlyInAnyOrder(Topics.USERS.name(), Topics.EMAILS.name());
    assertThat(script)
        .contains("--partitions " + WriterSettings.defaults().get(WriterSettings.SOURCE_PARTITIONS))
        .contains(
            "--bootstrap-server "
                + listeners(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                    .get("INTERNAL"));
    assertThat(environment("writer"))
        .doesNotContainKeys(Settings.envName("topics.users"), Settings.envName("topics.emails"));
  }

  @Test
  void healthChecksAskTheServicesReadiness() {
    assertThat(healthCheck("writer"))
        .contains("/" + WriterSettings.DEFAULT_HTTP_PORT + " ", "/health/ready");
    assertThat(healthCheck("query-api"))
        .contains("/" + QueryApiSettings.DEFAULT_PORT + " ", "/health/ready");
    assertThat(service("query-api").path("depends_on").path("writer").path("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(service("writer").path("depends_on").path("kafka-topics").path("condition").asText())
        .isEqualTo("service_completed_successfully");
  }

  @Test
  void infrastructureImagesAreTheOfficialOnesAtThePomVersionsAndOverridable() throws Exception {
    Map<String, String> versions = pomProperties(parse(root.resolve("pom.xml")));
    Map<String, String> officialImages =
        Map.of(
            "kafka", "apache/kafka:" + versions.get("kafka.version"),
            "kafka-topics", "apache/kafka:" + versions.get("kafka.version"),
            "registry",
                "apicurio/apicurio-registry:" + versions.get("apicurio-registry-app.version"),
            "dynamodb", "amazon/dynamodb-local:" + versions.get("dynamodb-local.version"));
    Map<String, String> buildVariables = new TreeMap<>();
    for (String module : List.of("kafka", "registry", "dynamodb")) {
      Map<String, String> env = imageEnv(module);
      buildVariables.put(module, env.get("VARIABLE"));
    }
    buildVariables.put("kafka-topics", buildVariables.get("kafka"));
    officialImages.forEach(
        (service, image) -> {
          Matcher override = INTERPOLATION.matcher(service(service).path("image").asText());
          assertThat(override.matches())
              .as("image of %s is ${VARIABLE:-default}", service)
              .isTrue();
          assertThat(override.group(1)).as(service).isEqualTo(buildVariables.get(service));
          assertThat(override.group(2)).as(service).isEqualTo(image);
        });
    for (String service : shardstreamServices()) {
      assertThat(service(service).path("image").asText()).startsWith("${SHARDSTREAM_IMAGE:-");
    }
  }

  @Test
  void everyHostPortIsOverridable() {
    for (String service : fieldNames(services)) {
      for (String mapping : texts(services.path(service).path("ports"))) {
        assertThat(mapping)
            .as("ports of %s", service)
            .matches("\\$\\{[A-Z_]+_HOST_PORT:-\\d+}:\\d+");
      }
    }
  }

  @Test
  void registryKeepsItsSchemasInKafka() {
    Map<String, String> env = environment("registry");
    assertThat(env).containsEntry("APICURIO_STORAGE_KIND", "kafkasql");
    assertThat(env.get("APICURIO_KAFKASQL_BOOTSTRAP_SERVERS"))
        .isEqualTo(
            listeners(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).get("INTERNAL"));
    assertThat(service("registry").path("depends_on").path("kafka").path("condition").asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void everyServerHasAHealthCheckThatItsImagesCanRun() {
    for (String service : List.of("kafka", "registry", "dynamodb", "writer", "query-api")) {
      List<String> test = texts(service(service).path("healthcheck").path("test"));
      assertThat(test).as("health check of %s", service).isNotEmpty();
      assertThat(test.getFirst()).isEqualTo("CMD");
      // The scratch-based images have bash and busybox, the official ones bash and coreutils:
      // bash builtins (/dev/tcp, read, [[ ]]) or the Kafka image's own tools only.
      assertThat(test.get(1))
          .as(service)
          .isIn("/bin/bash", "/opt/kafka/bin/kafka-broker-api-versions.sh");
    }
  }

  @Test
  void servicesRunTheImageJibBuildsWithItsSubcommands() throws Exception {
    Document pom = parse(root.resolve("app/pom.xml"));
    Map<String, String> properties = pomProperties(pom);
    Element jib = plugin(pom, "jib-maven-plugin");
    String image = resolve(childText(jib, "configuration", "to", "image"), properties::get);
    assertThat(childText(jib, "configuration", "container", "mainClass"))
        .isEqualTo(ShardstreamCommand.class.getName());
    assertThat(texts(jib, "port"))
        .contains(
            Integer.toString(WriterSettings.DEFAULT_HTTP_PORT),
            Integer.toString(QueryApiSettings.DEFAULT_PORT));

    Set<String> subcommands = ShardstreamCommand.newCommandLine().getSubcommands().keySet();
    for (String service : shardstreamServices()) {
      assertThat(interpolate(service(service).path("image").asText()))
          .as("image of %s", service)
          .isEqualTo(image);
      assertThat(subcommands).contains(command(service));
    }
    assertThat(shardstreamServices()).contains("writer", "query-api", "generate");
  }

  // ---- compose file access

  private static JsonNode service(String name) {
    JsonNode service = services.path(name);
    assertThat(service.isObject()).as("service '%s' in docker-compose.yml", name).isTrue();
    return service;
  }

  /** Services running the shardstream image (the ones with a {@code SHARDSTREAM_*} surface). */
  private static List<String> shardstreamServices() {
    List<String> names =
        fieldNames(services).stream()
            .filter(
                name ->
                    interpolate(services.path(name).path("image").asText())
                        .startsWith("shardstream/"))
            .toList();
    assertThat(names).as("services on the shardstream image").contains("writer", "query-api");
    return names;
  }

  private static String command(String service) {
    return texts(service(service).path("command")).getFirst();
  }

  /** The service's environment, interpolated as compose would with no variables set. */
  private static Map<String, String> environment(String service) {
    Map<String, String> env = new TreeMap<>();
    service(service)
        .path("environment")
        .properties()
        .forEach(e -> env.put(e.getKey(), interpolate(e.getValue().asText())));
    return env;
  }

  /** Published ports: host port → container port ({@code "8081:8080"}). */
  private static Map<Integer, Integer> published(String service) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (String mapping : texts(service(service).path("ports"))) {
      String[] parts = interpolate(mapping).split(":");
      ports.put(
          Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
    }
    return ports;
  }

  private static void assertPublished(String service, int hostPort, int containerPort) {
    assertThat(published(service))
        .as("ports of %s (host:container)", service)
        .containsEntry(hostPort, containerPort);
  }

  private static String healthCheck(String service) {
    return String.join(" ", texts(service(service).path("healthcheck").path("test")));
  }

  /** Where a path inside {@code service}'s container comes from on the host (a bind mount). */
  private static Path hostPath(String service, String containerPath) {
    Path source = bindMounts(service).get(containerPath);
    assertThat(source).as("%s mounts a host file at %s", service, containerPath).isNotNull();
    assertThat(source).isRegularFile();
    return source;
  }

  /** Container path → host path of the service's bind mounts ({@code ./file:/path[:ro]}). */
  private static Map<String, Path> bindMounts(String service) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (String volume : texts(service(service).path("volumes"))) {
      String[] parts = volume.split(":");
      if (parts[0].startsWith(".")) {
        mounts.put(parts[1], root.resolve(parts[0]).normalize());
      }
    }
    return mounts;
  }

  /**
   * The service's settings as its command would load them: defaults, then the compose environment,
   * with container paths of bind mounts replaced by their host files.
   */
  private static Settings settings(String service, Map<String, String> defaults) {
    Map<String, Path> mounts = bindMounts(service);
    Map<String, String> env = new TreeMap<>(environment(service));
    env.replaceAll(
        (name, value) -> mounts.containsKey(value) ? mounts.get(value).toString() : value);
    return new SettingsLoader().defaults(defaults).environment(env).load();
  }

  /** {@code INTERNAL://kafka:19092,EXTERNAL://localhost:9092} → listener name → host:port. */
  private static Map<String, String> listeners(String text) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String listener : text.split(",")) {
      String[] parts = listener.trim().split("://", 2);
      byName.put(parts[0], parts[1]);
    }
    return byName;
  }

  private static void assertPointsAt(String url, String service) {
    URI uri = URI.create(url);
    assertThat(uri.getHost()).as(url).isEqualTo(service);
    assertThat(published(service)).as("%s published ports", service).containsValue(uri.getPort());
  }

  private static int port(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }

  /** Compose interpolation with no variables set: {@code ${NAME:-default}} → default. */
  private static String interpolate(String text) {
    return resolve(text.replace("$$", "\u0000"), name -> null).replace('\u0000', '$');
  }

  /** Replaces {@code ${name}} / {@code ${name:-default}} by {@code values}, else the default. */
  private static String resolve(String text, Function<String, String> values) {
    Matcher m = INTERPOLATION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.apply(m.group(1));
      if (value == null) {
        assertThat(m.group(2)).as("default for ${%s} in '%s'", m.group(1), text).isNotNull();
        value = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(element -> texts.add(element.asText()));
    } else if (!node.isMissingNode()) {
      texts.add(node.asText());
    }
    return texts;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---- pom and deploy/images access

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  /** deploy/images/MODULE/image.env: the image's NAME=value lines, before Maven filters them. */
  private static Map<String, String> imageEnv(String module) throws IOException {
    Map<String, String> env = new TreeMap<>();
    for (String line : Files.readAllLines(root.resolve("deploy/images/" + module + "/image.env"))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  /** The pom's properties plus project.version (its own, else the parent's). */
  private static Map<String, String> pomProperties(Document pom) {
    Map<String, String> properties = new LinkedHashMap<>();
    Element project = pom.getDocumentElement();
    Element parent = (Element) project.getElementsByTagName("parent").item(0);
    properties.put("project.version", childText(parent != null ? parent : project, "version"));
    Element declared = (Element) project.getElementsByTagName("properties").item(0);
    for (var n = declared.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        properties.put(e.getTagName(), e.getTextContent().trim());
      }
    }
    return properties;
  }

  /** The plugin declared in the main build (not a profile). */
  private static Element plugin(Document pom, String artifactId) {
    var plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      boolean inProfile =
          plugin.getParentNode().getParentNode().getParentNode().getNodeName().equals("profile");
      if (!inProfile && artifactId.equals(childText(plugin, "artifactId"))) {
        return plugin;
      }
    }
    throw new AssertionError("app/pom.xml declares no " + artifactId);
  }

  private static String childText(Element element, String... path) {
    Element current = element;
    for (String name : path) {
      Element next = null;
      for (var n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(name)) {
          next = e;
          break;
        }
      }
      assertThat(next).as("<%s> under <%s>", name, current.getTagName()).isNotNull();
      current = next;
    }
    return current.getTextContent().trim();
  }

  private static List<String> texts(Element element, String tag) {
    var nodes = element.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("app/pom.xml"))) {
        return dir;
      }
    }
    throw new AssertionError("no docker-compose.yml above " + Path.of("").toAbsolutePath());
  }
}
