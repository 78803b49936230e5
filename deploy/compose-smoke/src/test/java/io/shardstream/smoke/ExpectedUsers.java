package io.shardstream.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users a search must return after the writer has applied the events of some JSON lines files
 * (the ingest format), derived from the events alone: per user, the event with the highest version
 * wins (duplicates and late, older versions change nothing); the user exists if that event is an
 * UPSERT, with that event's state. The files carry no invalid events (the script generates them
 * with {@code --invalid-rate 0}), so every event counts.
 */
record ExpectedUsers(List<JsonNode> users, int events) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Search order of {@code GET /v1/users} (sort=created, asc): created, then userId. */
  static final Comparator<JsonNode> SEARCH_ORDER =
      Comparator.<JsonNode>comparingLong(user -> millis(user.path("created")))
          .thenComparing(user -> user.path("userId").asText());

  static ExpectedUsers fromFiles(List<Path> files) {
    Map<String, JsonNode> latest = new HashMap<>();
    int events = 0;
    for (Path file : files) {
      for (String line : lines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = read(line);
        events++;
        if (!event.path("type").asText().equals("user")) {
          continue;
        }
        String userId =
            event.has("user")
                ? event.path("user").path("userId").asText()
                : event.path("userKey").path("userId").asText();
        JsonNode known = latest.get(userId);
        if (known == null || event.path("version").asLong() > known.path("version").asLong()) {
          latest.put(userId, event);
        }
      }
    }
    List<JsonNode> users = new ArrayList<>();
    for (JsonNode event : latest.values()) {
      if (event.path("op").asText().equals("UPSERT")) {
        users.add(event.path("user"));
      }
    }
    users.sort(SEARCH_ORDER);
    return new ExpectedUsers(List.copyOf(users), events);
  }

  static List<Path> filesFromProperty(String property) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      throw new IllegalStateException("-D" + property + " names no events file");
    }
    return Arrays.stream(value.split(",")).map(String::trim).map(Path::of).toList();
  }

  /** A timestamp of the ingest format or the API: epoch milliseconds or an ISO-8601 instant. */
  static long millis(JsonNode value) {
    return value.isNumber() ? value.asLong() : Instant.parse(value.asText()).toEpochMilli();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
