package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.Planned;
import io.shardstream.writer.testing.Scenario;
import io.shardstream.writer.testing.ScenarioGenerator;
import io.shardstream.writer.testing.WriterDriver;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A generated workload of every kind of record through the topology, compared with the reference
 * model: the table item by item, the dead letters by source offset, the counters by outcome.
 */
class ScenarioTest {

  @Test
  void theTableTheDeadLettersAndTheCountersMatchTheReferenceModel() {
    Scenario scenario =
        ScenarioGenerator.generate(20_250_601L, 150, ScenarioGenerator.Format.PLAIN_AVRO);
    ChangeEventSerdes serdes = ChangeEventSerdes.plainAvro();
    var users = serdes.userEvents().serializer();
    var emails = serdes.emailEvents().serializer();
    // A small buffer, so that sinks also write before commits.
    try (WriterDriver writer = new WriterDriver(7)) {
      Map<String, Integer> offsets = new HashMap<>();
      Map<String, String> expectedDeadLetters = new TreeMap<>();
      for (Scenario.Step step : scenario.steps()) {
        Planned planned = step.planned();
        String topic =
            planned.target() == Planned.Target.USERS
                ? WriterDriver.TOPICS.entity("user")
                : WriterDriver.TOPICS.entity("email");
        int offset = offsets.merge(topic, 1, Integer::sum) - 1;
        byte[] value =
            planned.value(
                users,
                emails,
                WriterDriver.TOPICS.entity("user"),
                WriterDriver.TOPICS.entity("email"));
        if (planned.target() == Planned.Target.USERS) {
          writer.sendUserBytes(WriterDriver.bytes(planned.key()), value, Events.NOW);
        } else {
          writer.sendEmailBytes(WriterDriver.bytes(planned.key()), value, Events.NOW);
        }
        if (step.expected().reason() != null) {
          expectedDeadLetters.put(topic + "@" + offset, step.expected().reason());
        }
      }

      assertThat(writer.table().items())
          .isEqualTo(scenario.model().expectedItems(writer.entities()));
      Map<String, String> deadLetters = new TreeMap<>();
      writer
          .deadLetters()
          .forEach(
              record ->
                  deadLetters.put(
                      WriterDriver.header(record, DeadLetterHeaders.SOURCE_TOPIC)
                          + "@"
                          + WriterDriver.header(record, DeadLetterHeaders.SOURCE_OFFSET),
                      WriterDriver.header(record, DeadLetterHeaders.REASON)));
      assertThat(deadLetters).isEqualTo(expectedDeadLetters);
      for (EventOutcome outcome : EventOutcome.values()) {
        assertThat(writer.metrics().events(outcome))
            .as(outcome.tag())
            .isEqualTo(scenario.outcomes().getOrDefault(outcome, 0L));
      }
      assertThat(writer.metrics().eventsTotal()).isEqualTo(scenario.steps().size());
      scenario
          .deadLetterReasons()
          .forEach(
              (reason, count) ->
                  assertThat(writer.metrics().deadLetters(reason)).as(reason).isEqualTo(count));
      assertThat(writer.metrics().cascadeDeletes()).isEqualTo(scenario.model().cascades());
    }
  }

  @Test
  void theScenarioHasEveryKindOfRecord() {
    Scenario scenario =
        ScenarioGenerator.generate(20_250_601L, 150, ScenarioGenerator.Format.PLAIN_AVRO);

    System.out.printf(
        "scenario: %d records, %s, dead letters %s, cascades %d%n",
        scenario.steps().size(),
        scenario.outcomes(),
        scenario.deadLetterReasons(),
        scenario.model().cascades());
    assertThat(scenario.outcomes()).containsKeys(EventOutcome.values());
    assertThat(scenario.deadLetterReasons())
        .containsKeys(
            "email-owned-by-other-user",
            "user-deleted",
            "undecodable:malformed-avro",
            "undecodable:null-value");
    assertThat(scenario.model().cascades()).isPositive();
  }
}
