package io.shardstream.writer.replay;

import static io.shardstream.writer.testing.Events.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.dynamo.ItemMapper;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.Planned;
import io.shardstream.writer.testing.ReferenceModel;
import io.shardstream.writer.testing.Scenario;
import io.shardstream.writer.testing.ScenarioGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static final EntityManager ENTITIES =
      new EntityManager(ConfigLoader.parse(ExampleConfigs.userEmail()));
  private final Projection projection =
      new Projection(new TableItems(ENTITIES), Duration.ofMinutes(5));

  @Test
  void newestVersionWinsAndDeletesLeaveTombstones() {
    user(Events.userUpsert("u1", 2));
    user(Events.userUpsert("u1", 1));
    user(Events.userDelete("u2", 5));
    user(Events.userUpsert("u2", 4));
    assertThat(ids()).containsExactly("userId#u1");
    assertThat(projection.applied()).isEqualTo(2);
    assertThat(projection.ignored()).isEqualTo(2);
  }

  @Test
  void uniquenessCascadeAndClaimsForDeletedUsers() {
    user(Events.userUpsert("u1", 1));
    user(Events.userUpsert("u2", 1));
    email(Events.emailUpsert("a@x.io", "u1", 1));
    email(Events.emailUpsert("a@x.io", "u2", 2));
    email(Events.emailUpsert("b@x.io", "u1", 1));
    assertThat(ids()).contains("email#a@x.io", "email#b@x.io");
    user(Events.userDelete("u1", 2));
    assertThat(ids()).containsExactly("userId#u2");
    // A claim for the deleted user is accepted, then removed again.
    email(Events.emailUpsert("c@x.io", "u1", 1));
    assertThat(ids()).containsExactly("userId#u2");
    // The freed address can be claimed by another user.
    email(Events.emailUpsert("a@x.io", "u2", 3));
    assertThat(ids()).containsExactlyInAnyOrder("userId#u2", "email#a@x.io");
  }

  @Test
  void invalidEventsChangeNothing() {
    projection.event("user", "other-key", Events.userUpsert("u1", 1), NOW);
    projection.undecodable();
    assertThat(projection.items()).isEmpty();
    assertThat(projection.ignored()).isEqualTo(2);
  }

  /**
   * The projection (production code, verifying replays) against the tests' independent oracle, the
   * {@link ReferenceModel}, on a generated workload of every kind of record.
   */
  @Test
  void agreesWithTheReferenceModelOnAGeneratedScenario() {
    Scenario scenario =
        ScenarioGenerator.generate(20_260_101L, 150, ScenarioGenerator.Format.PLAIN_AVRO);
    for (Scenario.Step step : scenario.steps()) {
      Planned planned = step.planned();
      switch (planned.payload()) {
        case Planned.Payload.User user when planned.target() == Planned.Target.USERS ->
            projection.event("user", planned.key(), user.event(), NOW);
        case Planned.Payload.Email email when planned.target() == Planned.Target.EMAILS ->
            projection.event("email", planned.key(), email.event(), NOW);
        // Bytes the writer's decoders refuse (wrong type for the topic, truncated, null...).
        default -> projection.undecodable();
      }
    }
    Map<String, Map<String, Object>> items = new TreeMap<>();
    projection
        .items()
        .forEach(
            (key, item) ->
                items.put(key.hashKey() + "|" + key.rangeKey(), ItemMapper.fromAttributes(item)));
    assertThat(items).isNotEmpty().isEqualTo(scenario.model().expectedItems(ENTITIES));
  }

  @Test
  void aPersonDeleteCascadesToItsChildrenAndAChildForADeletedPersonIsRemoved() {
    PersonModel model = new PersonModel();
    model.person("p-1", 1, T1);
    model.child("address", "a-1", 1, "p-1", T1);
    model.child("employment", "e-1", 1, "p-1", T1);
    model.person("p-2", 1, T1);
    model.child("address", "a-2", 1, "p-2", T1);
    assertThat(model.ids()).containsExactlyInAnyOrder("p-1", "a-1", "e-1", "p-2", "a-2");

    model.deletePerson("p-1", 2);
    assertThat(model.ids()).containsExactlyInAnyOrder("p-2", "a-2");
    // A child for the deleted person is accepted, then removed again (person-deleted).
    model.child("address", "a-3", 1, "p-1", T1);
    assertThat(model.ids()).containsExactlyInAnyOrder("p-2", "a-2");
    // The cascade kept the child's version: its own older events stay stale.
    model.child("address", "a-1", 1, "p-2", T1);
    assertThat(model.ids()).doesNotContain("a-1");
  }

  @Test
  void aCoLocatedChildMustCarryItsParentsTimestampAndTheParentKeepsIt() {
    PersonModel model = new PersonModel();
    // Children first: one with the timestamp the person will have, one with another.
    model.child("address", "a-1", 1, "p-1", T1);
    model.child("address", "a-2", 1, "p-1", T1 + 1);
    model.person("p-1", 1, T1);
    assertThat(model.ids()).containsExactlyInAnyOrder("p-1", "a-1");
    // After the person: a mismatching child is removed at once (parent-mismatch).
    model.child("contactInfo", "c-1", 1, "p-1", T1 + 1);
    assertThat(model.ids()).containsExactlyInAnyOrder("p-1", "a-1");
    // A live person's timestamp cannot change (its children's partition): refused.
    long before = model.persons.ignored();
    model.person("p-1", 2, T1 + 5);
    assertThat(model.persons.ignored()).isEqualTo(before + 1);
    assertThat(model.ids()).containsExactlyInAnyOrder("p-1", "a-1");
  }

  private static final long T1 = 1_748_736_000_000L;

  /** Person events as generic records of the derived schemas, into a projection of that config. */
  private static final class PersonModel {
    private final TableItems items =
        new TableItems(new EntityManager(ConfigLoader.parse(ExampleConfigs.person())));
    private final Projection persons = new Projection(items, Duration.ofMinutes(5));

    void person(String id, long version, long createdAt) {
      GenericRecord state = state("person");
      state.put("id", id);
      state.put("firstName", "Ana");
      state.put("lastName", "Lee");
      state.put("createdAt", createdAt);
      state.put("updatedAt", createdAt);
      send("person", id, upsert("person", state, version));
    }

    void deletePerson(String id, long version) {
      Schema schema = schema("person");
      GenericRecord key =
          new GenericData.Record(schema.getField("personKey").schema().getTypes().get(1));
      key.put("id", id);
      GenericRecord event = envelope(schema, "DELETE", version);
      event.put("personKey", key);
      send("person", id, event);
    }

    void child(String entity, String id, long version, String personId, long personCreatedAt) {
      GenericRecord state = state(entity);
      state.put("id", id);
      state.put("personId", personId);
      state.put("personCreatedAt", personCreatedAt);
      switch (entity) {
        case "address" -> {
          state.put("type", "home");
          state.put("street", "1 Main St");
          state.put("city", "Springfield");
          state.put("country", "US");
          state.put("isPrimary", true);
        }
        case "contactInfo" -> {
          state.put("type", "email");
          state.put("value", "ana@example.com");
          state.put("isPrimary", true);
          state.put("isVerified", false);
        }
        case "employment" -> {
          state.put("companyName", "Acme");
          state.put("startDate", 18_000);
          state.put("isCurrent", true);
        }
        default -> throw new IllegalArgumentException(entity);
      }
      send(entity, id, upsert(entity, state, version));
    }

    /** The ids of every live item. */
    Set<String> ids() {
      return persons.items().values().stream()
          .map(item -> item.get("id").s())
          .collect(Collectors.toSet());
    }

    private void send(String entity, String id, GenericRecord event) {
      persons.event(entity, id, event, T1 + 86_400_000L);
    }

    private Schema schema(String entity) {
      return EntityEventSchemas.derive(items.entity(entity));
    }

    private GenericRecord state(String entity) {
      return new GenericData.Record(schema(entity).getField(entity).schema().getTypes().get(1));
    }

    private GenericRecord upsert(String entity, GenericRecord state, long version) {
      GenericRecord event = envelope(schema(entity), "UPSERT", version);
      event.put(entity, state);
      return event;
    }

    private GenericRecord envelope(Schema schema, String op, long version) {
      GenericRecord event = new GenericData.Record(schema);
      event.put("eventId", UUID.randomUUID());
      event.put("op", new GenericData.EnumSymbol(schema.getField("op").schema(), op));
      event.put("version", version);
      event.put("occurredAt", T1);
      event.put("source", "test");
      return event;
    }
  }

  private Set<String> ids() {
    return projection.items().keySet().stream()
        .map(PrimaryKey::rangeKey)
        .collect(Collectors.toSet());
  }

  private void user(UserChangeEvent event) {
    String id =
        event.getUser() != null ? event.getUser().getUserId() : event.getUserKey().getUserId();
    projection.event("user", id, event, NOW);
  }

  private void email(EmailChangeEvent event) {
    String address =
        event.getEmail() != null ? event.getEmail().getEmail() : event.getEmailKey().getEmail();
    projection.event("email", address, event, NOW);
  }
}
