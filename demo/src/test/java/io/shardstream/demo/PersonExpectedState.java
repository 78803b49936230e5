package io.shardstream.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the table should hold after the Person model's events, worked out from the generic JSON
 * lines alone, without the writer's code: per (entity, id) the newest version wins, a DELETE leaves
 * a tombstone that older events cannot pass, a person's delete takes every child that references it
 * (whenever that child's events come), and order between entities does not matter (a child before
 * its person ends in the same place). Lines the generator marked invalid change nothing.
 */
final class PersonExpectedState {
  static final List<String> CHILDREN =
      List.of("address", "bankAccount", "contactInfo", "employment");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One live instance: its newest state as the generic line's item. */
  record Instance(String entity, String id, long version, ObjectNode item) {}

  private final Map<String, Map<String, Instance>> live = new HashMap<>();
  private final Map<String, Long> tombstones = new HashMap<>();
  private final List<String> invalidReasons = new ArrayList<>();

  private PersonExpectedState() {}

  static PersonExpectedState of(List<String> lines) {
    PersonExpectedState state = new PersonExpectedState();
    lines.stream().filter(l -> !l.isBlank()).forEach(state::apply);
    state.cascade();
    return state;
  }

  private void apply(String text) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String comment = line.path("comment").asText("");
    if (comment.startsWith("invalid: ")) {
      invalidReasons.add(comment.substring("invalid: ".length()));
      return;
    }
    String entity = line.get("entity").asText();
    ObjectNode item = (ObjectNode) line.get("item");
    String id = item.get("id").asText();
    long version = line.get("version").asLong();
    String key = entity + "/" + id;
    Instance current = live.computeIfAbsent(entity, e -> new HashMap<>()).get(id);
    long seen = Math.max(current == null ? 0 : current.version(), tombstones.getOrDefault(key, 0L));
    if (version <= seen) {
      return; // stale or a duplicate
    }
    if (line.get("op").asText().equals("DELETE")) {
      live.get(entity).remove(id);
      tombstones.put(key, version);
    } else {
      live.get(entity).put(id, new Instance(entity, id, version, item));
    }
  }

  /** Children of a deleted (or never created) person are not in the table. */
  private void cascade() {
    Map<String, Instance> persons = live.getOrDefault("person", Map.of());
    for (String child : CHILDREN) {
      live.getOrDefault(child, new HashMap<>())
          .values()
          .removeIf(c -> !persons.containsKey(c.item().get("personId").asText()));
    }
  }

  /** Live persons, oldest first (createdAt, then id): the order of {@code /v1/persons}. */
  List<Instance> persons() {
    return live.getOrDefault("person", Map.of()).values().stream()
        .sorted(
            Comparator.comparingLong((Instance p) -> p.item().get("createdAt").asLong())
                .thenComparing(Instance::id))
        .toList();
  }

  /** A live person's children of one kind, by id. */
  Map<String, Instance> children(String personId, String entity) {
    Map<String, Instance> children = new LinkedHashMap<>();
    live.getOrDefault(entity, Map.of()).values().stream()
        .filter(c -> c.item().get("personId").asText().equals(personId))
        .sorted(Comparator.comparing(Instance::id))
        .forEach(c -> children.put(c.id(), c));
    return children;
  }

  /** Every live instance, by entity and id. */
  Map<String, Map<String, Instance>> all() {
    return live;
  }

  /** Persons deleted (a tombstone, nothing live). */
  Set<String> deletedPersons() {
    Set<String> deleted = new java.util.TreeSet<>();
    tombstones.keySet().stream()
        .filter(k -> k.startsWith("person/"))
        .map(k -> k.substring("person/".length()))
        .forEach(deleted::add);
    return deleted;
  }

  /** The dead-letter reasons of the lines marked invalid, in line order. */
  List<String> invalidReasons() {
    return invalidReasons;
  }
}
