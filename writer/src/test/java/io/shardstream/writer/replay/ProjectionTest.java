package io.shardstream.writer.replay;

import static io.shardstream.writer.testing.Events.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.testing.Events;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private final Projection projection =
      new Projection(
          new TableItems(new EntityManager(ConfigLoader.parse(ExampleConfigs.userEmail()))),
          Duration.ofMinutes(5));

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
