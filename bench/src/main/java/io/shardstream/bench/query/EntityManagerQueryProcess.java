package io.shardstream.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.bench.BenchException;
import io.shardstream.bench.node.NodePackageCache;
import io.shardstream.bench.node.NodeToolchain;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Entity Manager 6.14's own cross-shard query in a node process ({@code entity-manager-query.mjs},
 * installed with its pinned package set like {@code bench keys}' Entity Manager): one JSON line in,
 * one page out, so the Java side can interleave its pages with ours.
 */
final class EntityManagerQueryProcess implements AutoCloseable {
  static final String RESOURCE_FOLDER = "node";
  static final String SCRIPT = "entity-manager-query.mjs";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One page as Entity Manager returned it, timed inside node around {@code query}. */
  record Page(double millis, List<String> ids, String pageKeyMap, int queries, int scanned) {}

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;
  private final Path stderr;
  private final String libraryVersion;

  private EntityManagerQueryProcess(Process process, Path stderr, String libraryVersion) {
    this.process = process;
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stderr = stderr;
    this.libraryVersion = libraryVersion;
  }

  /**
   * Installs the pinned packages into {@code nodeFolder} if needed and starts the script against
   * the table.
   */
  static EntityManagerQueryProcess start(
      Path nodeFolder,
      String entityManagerConfig,
      String endpoint,
      String table,
      String region,
      String accessKeyId,
      String secretAccessKey,
      Consumer<String> progress) {
    NodeToolchain node = NodeToolchain.detect();
    NodePackageCache packages =
        new NodePackageCache(nodeFolder, EntityManagerQueryProcess.class, RESOURCE_FOLDER);
    progress.accept(
        "node " + node.nodeVersion() + "; Entity Manager and its DynamoDB client in " + nodeFolder);
    if (packages.ensureInstalled(node)) {
      progress.accept("installed the pinned Entity Manager query package set with npm ci");
    }
    Path script = packages.copyScript(SCRIPT);
    try {
      Path config = packages.directory().resolve("em-config.json");
      Files.writeString(config, entityManagerConfig);
      Path stderr = packages.directory().resolve("entity-manager-query.stderr");
      Process process =
          new ProcessBuilder(
                  node.node(),
                  script.toString(),
                  "--config",
                  config.toString(),
                  "--endpoint",
                  endpoint,
                  "--table",
                  table,
                  "--region",
                  region,
                  "--access-key-id",
                  accessKeyId,
                  "--secret-access-key",
                  secretAccessKey)
              .directory(packages.directory().toFile())
              .redirectError(stderr.toFile())
              .start();
      String version =
          JSON.readTree(
                  packages
                      .directory()
                      .resolve("node_modules/@karmaniverous/entity-manager/package.json")
                      .toFile())
              .path("version")
              .asText();
      return new EntityManagerQueryProcess(process, stderr, version);
    } catch (IOException e) {
      throw new BenchException("cannot start node with " + SCRIPT + ": " + e.getMessage(), e);
    }
  }

  String libraryVersion() {
    return libraryVersion;
  }

  /** The name-prefix search over the firstName and lastName indexes. */
  Page namePage(String prefix, long from, long to, int limit, Optional<String> pageKeyMap) {
    ObjectNode request = request("name", from, to, limit, pageKeyMap);
    request.put("prefix", prefix);
    return ask(request);
  }

  /** The created index over a window. */
  Page createdPage(long from, long to, int limit, Optional<String> pageKeyMap) {
    return ask(request("created", from, to, limit, pageKeyMap));
  }

  private static ObjectNode request(
      String search, long from, long to, int limit, Optional<String> pageKeyMap) {
    ObjectNode request = JSON.createObjectNode();
    request.put("search", search);
    request.put("from", from);
    request.put("to", to);
    request.put("limit", limit);
    pageKeyMap.ifPresent(key -> request.put("pageKeyMap", key));
    return request;
  }

  private Page ask(ObjectNode request) {
    try {
      in.write(JSON.writeValueAsString(request));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new BenchException(SCRIPT + " stopped: " + stderrTail());
      }
      JsonNode answer = JSON.readTree(line);
      if (answer.has("error")) {
        throw new BenchException(SCRIPT + " failed: " + answer.path("error").asText());
      }
      List<String> ids = new ArrayList<>();
      answer.path("ids").forEach(id -> ids.add(id.asText()));
      return new Page(
          answer.path("ms").asDouble(),
          ids,
          answer.path("pageKeyMap").asText(),
          answer.path("queries").asInt(),
          answer.path("scanned").asInt());
    } catch (IOException e) {
      throw new BenchException("cannot talk to " + SCRIPT + ": " + e.getMessage(), e);
    }
  }

  private String stderrTail() {
    try {
      List<String> lines = Files.readAllLines(stderr);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // the process is stopped below either way
    }
    process.destroy();
  }
}
