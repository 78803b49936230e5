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
import java.util.stream.Collectors;
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
    projection.user("other-key", Events.userUpsert("u1", 1), NOW);
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
            projection.user(planned.key(), user.event(), NOW);
        case Planned.Payload.Email email when planned.target() == Planned.Target.EMAILS ->
            projection.email(planned.key(), email.event(), NOW);
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

  private Set<String> ids() {
    return projection.items().keySet().stream()
        .map(PrimaryKey::rangeKey)
        .collect(Collectors.toSet());
  }

  private void user(UserChangeEvent event) {
    String id =
        event.getUser() != null ? event.getUser().getUserId() : event.getUserKey().getUserId();
    projection.user(id, event, NOW);
  }

  private void email(EmailChangeEvent event) {
    String address =
        event.getEmail() != null ? event.getEmail().getEmail() : event.getEmailKey().getEmail();
    projection.email(address, event, NOW);
  }
}
