package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.writer.event.SourceRecord;
import io.shardstream.writer.stage.CascadeCommand;
import io.shardstream.writer.stage.OwnerChange;
import io.shardstream.writer.state.ChildClaims;
import io.shardstream.writer.state.EntityState;
import io.shardstream.writer.state.JsonSerde;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer's own records survive their JSON round trip through topics and stores. */
class InternalRecordsTest {

  @Test
  void roundTrips() {
    SourceRecord source =
        new SourceRecord(
            "emails.changes",
            2,
            41,
            1_700_000_000_000L,
            new byte[] {'a'},
            new byte[] {0, 1, 2, -1});
    OwnerChange claim = OwnerChange.claim("email", "a@x.io", "u-1", 3, "id-1", source, null);
    assertThat(roundTrip(claim, OwnerChange.class)).isEqualTo(claim);
    assertThat(
            roundTrip(OwnerChange.release("email", "a@x.io", "u-1", 4, "id-2"), OwnerChange.class)
                .source())
        .isNull();
    CascadeCommand command =
        new CascadeCommand("email", "a@x.io", "u-1", 3, CascadeCommand.parentDeleted("user"));
    assertThat(roundTrip(command, CascadeCommand.class)).isEqualTo(command);
    EntityState tombstone = EntityState.tombstone(5, "a@x.io", null);
    assertThat(roundTrip(tombstone, EntityState.class)).isEqualTo(tombstone);
    ChildClaims claims =
        ChildClaims.NONE
            .withClaim("email", "b@x.io", 2, null)
            .withClaim("address", "a-1", 1, 1_700_000_000_000L);
    assertThat(roundTrip(claims, ChildClaims.class)).isEqualTo(claims);
  }

  @Test
  void aStateKeepsItsItemValuesAsWritten() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", "e-1");
    item.put("startYear", 7L);
    item.put("createdAt", 1_700_000_000_000L);
    item.put("salary", 52_000.5);
    item.put("ratio", 1.0E20);
    item.put("startDate", "2020-01-31");
    item.put("isCurrent", true);
    EntityState state =
        new EntityState(3, false, "e-1", 1L, "p-1", 1L, item, null, "person!1", "id#p-1");

    assertThat(roundTrip(state, EntityState.class).item()).isEqualTo(item);
  }

  @Test
  void aReleaseRemovesOnlyAClaimNoNewerThanItself() {
    ChildClaims claims = ChildClaims.NONE.withClaim("email", "a@x.io", 5, null);

    assertThat(claims.withoutClaim("email", "a@x.io", 4).of("email")).containsKey("a@x.io");
    assertThat(claims.withoutClaim("email", "a@x.io", 5).isEmpty()).isTrue();
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    JsonSerde<T> serde = JsonSerde.of(type);
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}
