package io.shardstream.ingest.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.Topic;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.User;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Makes the events the writer must dead-letter, one kind after another in shuffled rounds, so that
 * even a short stream holds every kind. An invalid change to an existing entity takes a version
 * number, newer than the entity's latest, without changing what the generator believes is the
 * entity's state: the writer validates before its version gate, so the event fails on its rule, not
 * as stale, and later valid events stay newer than it.
 */
final class InvalidEvents {
  /** The seed configuration's generated-key delimiter, which the writer refuses inside values. */
  static final String KEY_DELIMITER = seedKeyDelimiter();

  private final Random random;
  private final GeneratorOptions options;
  private final Population population;
  private final PersonFaker people;
  private final EventFactory events;
  private final SimulatedClock clock;
  private final List<InvalidKind> round = new ArrayList<>();

  InvalidEvents(
      Random random,
      GeneratorOptions options,
      Population population,
      PersonFaker people,
      EventFactory events,
      SimulatedClock clock) {
    this.random = random;
    this.options = options;
    this.population = population;
    this.people = people;
    this.events = events;
    this.clock = clock;
  }

  /** The next invalid event, or null when no kind left in this round can be made yet. */
  Emitted next() {
    if (round.isEmpty()) {
      round.addAll(options.invalidKinds());
      Collections.shuffle(round, random);
    }
    for (int i = 0; i < round.size(); i++) {
      InvalidKind kind = round.get(i);
      ChangeRecord record = make(kind);
      if (record != null) {
        round.remove(i);
        return Emitted.invalid(record, kind);
      }
    }
    return null;
  }

  private static String seedKeyDelimiter() {
    try {
      return new ObjectMapper()
          .readTree(ExampleConfigs.userEmail())
          .path("generatedKeyDelimiter")
          .asText("|"); // Entity Manager's default when the config names none
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the seed entity configuration is not JSON", e);
    }
  }

  private ChangeRecord make(InvalidKind kind) {
    Instant now = clock.advance();
    return switch (kind) {
      case EMPTY_USER_ID -> newUser("", now, now, null);
      case DELIMITER_IN_ID -> {
        String id = population.newUserId();
        yield newUser(id.substring(0, 6) + KEY_DELIMITER + id.substring(6), now, now, null);
      }
      case CREATED_IN_FUTURE -> {
        Instant future = options.baseTime().plus(Duration.ofDays(730 + random.nextInt(1826)));
        yield newUser(population.newUserId(), future, future, null);
      }
      case PHONE_WITH_LETTERS ->
          changeUser(
              now,
              user ->
                  User.newBuilder(user)
                      .setPhone(phoneWithLetters())
                      .setUpdated(later(user.getUpdated(), now))
                      .build(),
              () -> newUser(population.newUserId(), now, now, phoneWithLetters()));
      case UPDATED_BEFORE_CREATED -> {
        Duration before = Duration.ofDays(1 + random.nextInt(400));
        yield changeUser(
            now,
            user -> User.newBuilder(user).setUpdated(user.getCreated().minus(before)).build(),
            () -> newUser(population.newUserId(), now, now.minus(before), null));
      }
      case BAD_EMAIL_SYNTAX -> {
        String owner =
            population.liveUsers.isEmpty()
                ? population.newUserId()
                : population.liveUsers.pick(random).userId();
        yield events.emailUpsert(new Email(malformedAddress(), owner, now), 1, now);
      }
      case EMAIL_OWNED_BY_OTHER_USER -> claimOthersEmail(now);
      case UNDECODABLE -> undecodable();
    };
  }

  private ChangeRecord newUser(String userId, Instant created, Instant updated, String phone) {
    Person person = people.next();
    User user =
        new User(
            userId,
            population.beneficiary(),
            person.firstName(),
            person.lastName(),
            phone != null ? phone : person.phone(),
            created,
            updated,
            person.locale());
    return events.userUpsert(user, 1, clock.now());
  }

  /** A broken update of a live user, or of a new one when nobody is live yet. */
  private ChangeRecord changeUser(
      Instant now,
      java.util.function.UnaryOperator<User> breakIt,
      java.util.function.Supplier<ChangeRecord> otherwise) {
    if (population.liveUsers.isEmpty()) {
      return otherwise.get();
    }
    UserEntity user = population.liveUsers.pick(random);
    return events.userUpsert(breakIt.apply(user.state), user.nextVersion(), now);
  }

  /** A live address, claimed with a newer version by a live user other than its owner. */
  private ChangeRecord claimOthersEmail(Instant now) {
    if (population.liveEmails.isEmpty() || population.liveUsers.size() < 2) {
      return null;
    }
    EmailEntity email = population.liveEmails.pick(random);
    UserEntity claimant = population.liveUsers.pick(random);
    for (int tries = 0; claimant == email.owner && tries < 8; tries++) {
      claimant = population.liveUsers.pick(random);
    }
    if (claimant == email.owner) {
      return null;
    }
    return events.emailUpsert(
        new Email(email.address(), claimant.userId(), now), email.nextVersion(), now);
  }

  private ChangeRecord undecodable() {
    boolean user = random.nextBoolean();
    Topic<String, ?> topic = user ? Topics.USERS : Topics.EMAILS;
    String key =
        user ? population.newUserId() : "noreply" + random.nextInt(10_000) + "@example.org";
    byte[] value =
        switch (random.nextInt(3)) {
          // A producer configured with a JSON serializer.
          case 0 ->
              ("{\"userId\":\"" + key + "\",\"op\":\"UPSERT\",\"version\":1}")
                  .getBytes(StandardCharsets.UTF_8);
          // Registry framing with a schema id the registry never handed out.
          case 1 ->
              ByteBuffer.allocate(13)
                  .put((byte) 0)
                  .putInt(0x7FFF_0000 + random.nextInt(0xFFFF))
                  .putLong(random.nextLong())
                  .array();
          // Noise, starting with a byte that is no registry magic byte.
          default -> {
            byte[] noise = new byte[8 + random.nextInt(56)];
            random.nextBytes(noise);
            noise[0] = (byte) (1 + random.nextInt(255));
            yield noise;
          }
        };
    return new ChangeRecord.Undecodable(topic, key, value);
  }

  private String phoneWithLetters() {
    List<String> phones =
        List.of("1555CALLNOW", "0800FLOWERS", "4930123x4567", "55 11 9OOO-1234", "tel:15551234567");
    return phones.get(random.nextInt(phones.size()));
  }

  private String malformedAddress() {
    String name = "user" + random.nextInt(100_000);
    return switch (random.nextInt(5)) {
      case 0 -> name + ".example.com"; // no @
      case 1 -> name + "@@example.com"; // two @
      case 2 -> name + "@"; // no domain
      case 3 -> "@example.com"; // no local part
      default -> name + " smith@example.com"; // a space
    };
  }

  private static Instant later(Instant previous, Instant now) {
    return now.isAfter(previous) ? now : previous.plusMillis(1);
  }
}
