package io.shardstream.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.Records;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {
  private static final GeneratorOptions SMALL =
      GeneratorOptions.defaults().withUsers(300).withSeed(7);

  /** Generous shares of everything, over more than 10,000 events. */
  private static final GeneratorOptions BUSY =
      GeneratorOptions.defaults()
          .withUsers(2000)
          .withSeed(42)
          .withRates(0.30, 0.06, 0.05, 0.03, 0.04);

  private static final List<GeneratedEvent> BUSY_EVENTS = GeneratedStreams.events(BUSY);

  @Test
  void sameSeedAndOptionsGiveByteIdenticalOutput() {
    byte[] first = GeneratedStreams.jsonLines(SMALL);
    byte[] second = GeneratedStreams.jsonLines(SMALL);

    assertThat(first).hasSizeGreaterThan(10_000).isEqualTo(second);
    // Undecodable bytes are not in the file: compare the records themselves too.
    assertThat(GeneratedStreams.events(SMALL)).isEqualTo(GeneratedStreams.events(SMALL));
  }

  @Test
  void anotherSeedGivesOtherEvents() {
    assertThat(GeneratedStreams.jsonLines(SMALL.withSeed(8)))
        .isNotEqualTo(GeneratedStreams.jsonLines(SMALL));
  }

  @Test
  void theBaseTimeIsTheOnlyClock() {
    Instant base = Instant.parse("2030-01-01T00:00:00Z");
    List<GeneratedEvent> events = GeneratedStreams.events(SMALL.withBaseTime(base));

    assertThat(events)
        .filteredOn(GeneratedEvent::expectedValid)
        .extracting(e -> Records.user(e.record()))
        .filteredOn(user -> user != null)
        .allSatisfy(user -> assertThat(user.getUpdated()).isBefore(base))
        .anySatisfy(
            user -> assertThat(user.getCreated()).isAfter(GeneratorOptions.DEFAULT_BASE_TIME));
  }

  @Test
  void ratesAreRoughlyHonouredOverTenThousandEvents() {
    assertThat(BUSY_EVENTS).hasSizeGreaterThan(10_000);
    Map<EventKind, Long> counts =
        BUSY_EVENTS.stream()
            .collect(Collectors.groupingBy(GeneratedEvent::kind, Collectors.counting()));
    double total = BUSY_EVENTS.size();

    assertThat(counts.get(EventKind.UPDATE) / total).isCloseTo(BUSY.updateRate(), within(0.02));
    assertThat(counts.get(EventKind.DELETE) / total).isCloseTo(BUSY.deleteRate(), within(0.01));
    assertThat(counts.get(EventKind.DUPLICATE) / total)
        .isCloseTo(BUSY.duplicateRate(), within(0.01));
    assertThat(counts.get(EventKind.OUT_OF_ORDER) / total)
        .isCloseTo(BUSY.outOfOrderRate(), within(0.01));
    assertThat(counts.get(EventKind.INVALID) / total).isCloseTo(BUSY.invalidRate(), within(0.01));
    assertThat(total).isCloseTo(BUSY.expectedEvents(), within(BUSY.expectedEvents() * 0.1));
  }

  @Test
  void everyInvalidKindAppearsAndBreaksItsRule() {
    Map<InvalidKind, List<GeneratedEvent>> invalid =
        BUSY_EVENTS.stream()
            .filter(e -> !e.expectedValid())
            .collect(Collectors.groupingBy(e -> e.invalid().orElseThrow()));

    assertThat(invalid).containsOnlyKeys(InvalidKind.values());
    invalid.forEach(
        (kind, events) ->
            assertThat(events)
                .as(kind.label())
                .hasSizeGreaterThan(10)
                .allSatisfy(
                    e ->
                        assertThat(Rules.broken(e.record(), BUSY.baseTime(), ownersAt(e)))
                            .contains(kind)));
  }

  @Test
  void validEventsBreakNoRule() {
    assertThat(BUSY_EVENTS)
        .filteredOn(GeneratedEvent::expectedValid)
        .allSatisfy(
            e -> assertThat(Rules.broken(e.record(), BUSY.baseTime(), ownersAt(e))).isEmpty());
  }

  /**
   * A version gate like the writer's (DESIGN §5) over the valid events: newer applies, equal is a
   * duplicate, older is stale. Every event must get the outcome the generator expected.
   */
  @Test
  void expectedOutcomesMatchAVersionGate() {
    Map<String, Long> latest = new HashMap<>();
    for (GeneratedEvent event : BUSY_EVENTS) {
      if (!event.expectedValid()) {
        continue;
      }
      String entity = Records.entity(event.record());
      long version = Records.version(event.record());
      Long current = latest.get(entity);
      ExpectedOutcome outcome =
          current == null || version > current
              ? ExpectedOutcome.APPLIED
              : version == current ? ExpectedOutcome.DUPLICATE : ExpectedOutcome.STALE;
      assertThat(outcome)
          .as("event %s (%s) of %s", event.sequence(), event.kind(), entity)
          .isEqualTo(event.expectedOutcome());
      if (outcome == ExpectedOutcome.APPLIED) {
        latest.put(entity, version);
      }
    }
  }

  @Test
  void duplicatesResendAnEarlierEventUnchanged() {
    Set<ChangeRecord> seen = new HashSet<>();
    for (GeneratedEvent event : BUSY_EVENTS) {
      if (event.kind() == EventKind.DUPLICATE) {
        assertThat(seen).contains(event.record());
      }
      seen.add(event.record());
    }
  }

  @Test
  void outOfOrderEventsComeRightAfterTheNewerVersion() {
    for (int i = 0; i < BUSY_EVENTS.size(); i++) {
      GeneratedEvent event = BUSY_EVENTS.get(i);
      if (event.kind() == EventKind.OUT_OF_ORDER) {
        GeneratedEvent newer = BUSY_EVENTS.get(i - 1);
        assertThat(newer.record().key()).isEqualTo(event.record().key());
        assertThat(Records.version(newer.record())).isEqualTo(Records.version(event.record()) + 1);
      }
    }
  }

  @Test
  void usersGetOneToThreeUniqueEmails() {
    List<Email> created =
        BUSY_EVENTS.stream()
            .filter(e -> e.kind() == EventKind.CREATE)
            .map(e -> Records.email(e.record()))
            .filter(email -> email != null)
            .toList();
    Map<String, Long> perUser =
        created.stream().collect(Collectors.groupingBy(Email::getUserId, Collectors.counting()));

    assertThat(created).extracting(Email::getEmail).doesNotHaveDuplicates();
    assertThat(perUser).hasSize(BUSY.users());
    assertThat(perUser.values())
        .allSatisfy(n -> assertThat(n).isBetween(1L, 3L))
        .contains(1L, 2L, 3L);
  }

  @Test
  void deletesCoverUsersAndEmails() {
    Map<String, Long> deletes =
        BUSY_EVENTS.stream()
            .filter(e -> e.kind() == EventKind.DELETE)
            .collect(Collectors.groupingBy(e -> Records.topic(e.record()), Collectors.counting()));

    assertThat(deletes).containsOnlyKeys("users.changes", "emails.changes");
    assertThat(BUSY_EVENTS)
        .filteredOn(e -> e.kind() == EventKind.DELETE)
        .allSatisfy(e -> assertThat(Records.op(e.record())).isEqualTo(ChangeOp.DELETE));
  }

  @Test
  void createdSpreadsOverEveryShardBumpOfTheSeedConfig() {
    Map<String, Long> byPeriod =
        users(BUSY_EVENTS).stream()
            .collect(
                Collectors.groupingBy(
                    user -> {
                      Instant created = user.getCreated();
                      if (created.isBefore(Instant.parse("2024-01-01T00:00:00Z"))) {
                        return "before the first bump";
                      }
                      return created.isBefore(Instant.parse("2025-01-01T00:00:00Z"))
                          ? "1 char"
                          : "2 chars";
                    },
                    Collectors.counting()));

    assertThat(byPeriod).containsOnlyKeys("before the first bump", "1 char", "2 chars");
    assertThat(byPeriod.values()).allSatisfy(n -> assertThat(n).isGreaterThan(BUSY.users() / 5L));
  }

  @Test
  void peopleLookReal() {
    List<User> users = users(BUSY_EVENTS);
    Set<String> beneficiaries =
        users.stream().map(User::getBeneficiaryId).collect(Collectors.toSet());

    assertThat(users)
        .anySatisfy(user -> assertThat(user.getLastName()).matches(".*[^\\p{ASCII}].*"))
        .anySatisfy(user -> assertThat(user.getLastName()).contains("-"))
        .anySatisfy(user -> assertThat(user.getFirstName()).contains("-"))
        .anySatisfy(user -> assertThat(user.getPhone()).isNull())
        .anySatisfy(user -> assertThat(user.getLocale()).isEqualTo("es-MX"))
        .anySatisfy(user -> assertThat(user.getLocale()).isEqualTo("cs-CZ"));
    assertThat(beneficiaries).hasSizeBetween(2, BUSY.beneficiaryPoolSize());
  }

  @Test
  void chosenInvalidKindsOnly() {
    GeneratorOptions options =
        SMALL.withInvalidRate(0.1).withInvalidKinds(EnumSet.of(InvalidKind.UNDECODABLE));

    assertThat(GeneratedStreams.events(options))
        .filteredOn(e -> !e.expectedValid())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.record()).isInstanceOf(ChangeRecord.Undecodable.class));
  }

  @Test
  void zeroUsersMakeNoEvents() {
    assertThat(GeneratedStreams.events(SMALL.withUsers(0))).isEmpty();
  }

  @Test
  void ratesThatLeaveNoRoomForCreationsAreRefused() {
    assertThatThrownBy(() -> SMALL.withRates(0.5, 0.2, 0.1, 0.1, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to 1.000");
    assertThatThrownBy(() -> SMALL.withDuplicateRate(-0.1)).hasMessageContaining("duplicate rate");
  }

  private static List<User> users(List<GeneratedEvent> events) {
    return events.stream()
        .filter(e -> e.kind() == EventKind.CREATE)
        .map(e -> Records.user(e.record()))
        .filter(user -> user != null)
        .toList();
  }

  /** Who owned the address of an email event just before it, for the uniqueness rule. */
  private static String ownersAt(GeneratedEvent event) {
    return OWNERS.ownerBefore(event);
  }

  private static final EmailOwners OWNERS = new EmailOwners(BUSY_EVENTS);
}
