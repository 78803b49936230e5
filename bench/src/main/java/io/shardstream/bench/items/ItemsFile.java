package io.shardstream.bench.items;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Items as JSON lines, one object a line, UTF-8: the one file both sides of a comparison read, so
 * they key exactly the same items. Reading gives {@link String}s and, for epoch milliseconds,
 * {@link Long}s: what a JSON event decoder hands shardstream.
 */
public final class ItemsFile {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {};

  private ItemsFile() {}

  public static void write(Path file, List<Map<String, Object>> items) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map<String, Object> item : items) {
        out.write(JSON.writeValueAsString(item));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write items to " + file, e);
    }
  }

  public static List<Map<String, Object>> read(Path file) {
    List<Map<String, Object>> items = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          items.add(JSON.readValue(line, ITEM));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read items from " + file, e);
    }
    return items;
  }
}
