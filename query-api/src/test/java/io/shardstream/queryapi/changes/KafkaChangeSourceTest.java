package io.shardstream.queryapi.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaChangeSourceTest {

  @Test
  void readsCommittedOnlyWithoutAGroupWhateverTheSettingsSay() {
    KafkaChangeSource source =
        new KafkaChangeSource(
            Map.of(
                "bootstrap.servers", "localhost:1",
                "isolation.level", "read_uncommitted",
                "group.id", "someone",
                "enable.auto.commit", "true",
                "security.protocol", "SSL"),
            "shardstream.applied-changes",
            new ChangeBuffer(10));

    Map<String, Object> settings = source.consumerSettings();

    assertThat(settings)
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("allow.auto.create.topics", "false")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("bootstrap.servers", "localhost:1")
        .doesNotContainKey("group.id");
  }
}
