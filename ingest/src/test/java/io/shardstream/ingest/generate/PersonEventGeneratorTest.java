package io.shardstream.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.file.EventLineWriter;
import io.shardstream.ingest.model.GenericEventReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The Person generator's events, checked against the model's declarations by the import's own
 * strict reader (an independent reading of the rules): valid events keep every rule, each invalid
 * one breaks exactly the rule its reason names; same seed, same lines.
 */
class PersonEventGeneratorTest {
  private static final Function<String, String> TOPICS = entity -> entity + ".test";
  private static final GeneratorOptions OPTIONS =
      GeneratorOptions.defaults().withUsers(400).withSeed(11);
  private static final List<GeneratedEvent> EVENTS = PersonEventGenerator.generate(OPTIONS, TOPICS);
  private static final Pattern PROBLEM =
      Pattern.compile("entity '(\\w+)', property '(\\w+)', rule ([\\w-]+)");

  @Test
  void sameSeedSameLinesAnotherSeedOthers() {
    assertThat(lines(PersonEventGenerator.generate(OPTIONS, TOPICS))).isEqualTo(lines(EVENTS));
    assertThat(lines(PersonEventGenerator.generate(OPTIONS.withSeed(12), TOPICS)))
        .isNotEqualTo(lines(EVENTS));
  }

  @Test
  void validEventsKeepEveryDeclarationAndInvalidOnesBreakTheirNamedRule() {
    EntityConfig model = PersonEventGenerator.model();
    GenericEventReader strict = new GenericEventReader(model, Instant.EPOCH, "test");
    EventLineWriter writer = new EventLineWriter();
    for (GeneratedEvent event : EVENTS) {
      if (event.deadLetterReason() != null && event.deadLetterReason().endsWith(":in-future")) {
        continue; // a timestamp rule of the writer's, not a declaration
      }
      GenericEventReader.Result read = strict.read(writer.write(event.record()));
      if (event.expectedValid()) {
        assertThat(read).as(event.toString()).isInstanceOf(GenericEventReader.Result.Event.class);
      } else {
        assertThat(read).isInstanceOf(GenericEventReader.Result.Invalid.class);
        Matcher problem = PROBLEM.matcher(((GenericEventReader.Result.Invalid) read).reason());
        assertThat(problem.find()).isTrue();
        assertThat("invalid:" + problem.group(1) + "." + problem.group(2) + ":" + problem.group(3))
            .isEqualTo(event.deadLetterReason());
      }
    }
  }

  @Test
  void theStreamHasEveryKindOfEventAndEntity() {
    Map<EventKind, Long> kinds =
        EVENTS.stream().collect(Collectors.groupingBy(GeneratedEvent::kind, Collectors.counting()));
    assertThat(kinds).containsKeys(EventKind.CREATE, EventKind.UPDATE, EventKind.DELETE);
    assertThat(kinds.get(EventKind.INVALID)).isBetween(4L, 30L);
    assertThat(EVENTS.stream().map(e -> entity(e).entity()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("person", "address", "bankAccount", "contactInfo", "employment");
    assertThat(
            EVENTS.stream()
                .map(GeneratedEvent::deadLetterReason)
                .filter(r -> r != null)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "invalid:bankAccount.iban:format",
            "invalid:address.country:max-length",
            "invalid:contactInfo.type:enum",
            "invalid:person.createdAt:in-future");
    assertThat(EVENTS).allSatisfy(e -> assertThat(entity(e).topic()).endsWith(".test"));
  }

  @Test
  void someChildrenComeBeforeTheirPerson() {
    Set<String> personsSeen = new HashSet<>();
    long early = 0;
    for (GeneratedEvent event : EVENTS) {
      ChangeRecord.EntityEvent record = entity(event);
      GenericRecord state = (GenericRecord) record.event().get(record.entity());
      if (record.entity().equals("person")) {
        personsSeen.add(record.key());
      } else if (state != null
          && event.expectedValid()
          && !personsSeen.contains(state.get("personId").toString())) {
        early++;
      }
    }
    assertThat(early).isGreaterThan(20);
  }

  private static ChangeRecord.EntityEvent entity(GeneratedEvent event) {
    return (ChangeRecord.EntityEvent) event.record();
  }

  private static List<String> lines(List<GeneratedEvent> events) {
    EventLineWriter writer = new EventLineWriter();
    return events.stream().map(e -> writer.write(e.record(), e.note())).toList();
  }
}
