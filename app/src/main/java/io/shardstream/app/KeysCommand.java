package io.shardstream.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream keys}: JSON lines {@code {"entity": "user", "item": {...}}} on stdin, each
 * item with all its keys as one JSON line on stdout. A bad line is reported on stderr with its line
 * number and skipped; the exit code is 1 when any line failed.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description =
        "Add generated keys to items: JSON lines {\"entity\": ..., \"item\": {...}} on "
            + "stdin, keyed items as JSON lines on stdout.")
final class KeysCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  @Mixin ConfigOption config;

  @Option(
      names = "--envelope",
      description = "Write {\"entity\": ..., \"item\": {...}} lines " + "instead of bare items.")
  boolean envelope;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    EntityManager manager = new EntityManager(config.load());
    Reader stdin = new InputStreamReader(System.in, StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LineCounts counts = run(manager, new BufferedReader(stdin), out, err);
    out.flush();
    if (counts.failed() > 0) {
      err.printf("%d of %d lines failed%n", counts.failed(), counts.total());
    }
    err.flush();
    return counts.failed() > 0 ? 1 : 0;
  }

  record LineCounts(long total, long failed) {}

  LineCounts run(EntityManager manager, BufferedReader in, PrintWriter out, PrintWriter err) {
    long lineNumber = 0;
    long total = 0;
    long failed = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        total++;
        try {
          out.println(keyLine(manager, line));
        } catch (BadLineException | KeyException e) {
          failed++;
          err.println("line " + lineNumber + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
    return new LineCounts(total, failed);
  }

  private String keyLine(EntityManager manager, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLineException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLineException("expected an object {\"entity\": ..., \"item\": {...}}");
    }
    JsonNode entity = node.get("entity");
    JsonNode item = node.get("item");
    if (entity == null || !entity.isTextual()) {
      throw new BadLineException("'entity' must be a string naming an entity");
    }
    if (item == null || !item.isObject()) {
      throw new BadLineException("'item' must be an object");
    }
    Map<String, Object> keyed = manager.addKeys(entity.asText(), ItemValues.fromJson(item));
    try {
      return JSON.writeValueAsString(
          envelope ? Map.of("entity", entity.asText(), "item", keyed) : keyed);
    } catch (JsonProcessingException e) {
      throw new BadLineException("cannot write the keyed item: " + e.getOriginalMessage());
    }
  }

  static final class BadLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadLineException(String message) {
      super(message);
    }
  }
}
