package io.shardstream.schemas.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AppliedChangeJsonTest {

  @Test
  void roundTripsAndLeavesOutUnknownFields() {
    AppliedChange change =
        new AppliedChange(
            "user",
            "u-1",
            AppliedChange.UPSERT,
            3,
            null,
            null,
            "b-1",
            1_700_000_000_000L,
            "user!1",
            "u-1",
            AppliedChange.EVENT,
            "e-1",
            1_700_000_000_500L,
            "v1");
    byte[] bytes = AppliedChangeJson.toBytes(change);
    assertThat(AppliedChangeJson.fromBytes(bytes)).isEqualTo(change);

    AppliedChange email =
        new AppliedChange(
            "email",
            "a@b.c",
            AppliedChange.DELETE,
            2,
            "user",
            null,
            null,
            null,
            null,
            null,
            "user-deleted",
            null,
            5L,
            "v1");
    String json = AppliedChangeJson.toJson(email);
    assertThat(json).doesNotContain("null").contains("\"op\":\"delete\"");
    assertThat(AppliedChangeJson.fromBytes(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(email);
  }

  @Test
  void readsRecordsWithAddedFields() {
    String later =
        "{\"entity\":\"user\",\"id\":\"u\",\"op\":\"upsert\",\"version\":1,\"cause\":\"event\","
            + "\"eventTime\":1,\"addedLater\":true}";
    assertThat(AppliedChangeJson.fromBytes(later.getBytes(StandardCharsets.UTF_8)).id())
        .isEqualTo("u");
  }

  @Test
  void refusesWhatIsNoChange() {
    assertThatThrownBy(
            () ->
                AppliedChangeJson.fromBytes(
                    "{\"entity\":\"user\",\"id\":\"u\",\"op\":\"merge\",\"cause\":\"event\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("op must be upsert or delete");
    assertThatThrownBy(() -> AppliedChangeJson.fromBytes("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }
}
