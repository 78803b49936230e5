package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic stream of realistic User and Email change events, with the mess real sources
 * produce: updates, deletes, duplicates, out-of-order versions and invalid events, at the shares
 * {@link GeneratorOptions} asks for. The same options (seed included) give the same events, byte
 * for byte: all randomness comes from the seed, all time from the options' time range.
 *
 * <p>Each user is created with 1-3 unique emails; the stream ends once the last user and its emails
 * are out. Between creations, each event is drawn: an update of a live user, a delete (a user, or
 * one of the emails of a user who has several), a re-sent latest event, an out-of-order pair, or an
 * invalid event. Versions count up from 1 per entity.
 *
 * <p>Not thread-safe; single pass.
 */
public final class EventGenerator implements Iterator<GeneratedEvent> {
  private final GeneratorOptions options;
  private final Random random;
  private final CategoryMix mix;
  private final SimulatedClock clock;
  private final Population population;
  private final PersonFaker people;
  private final EmailAddresses addresses;
  private final EventFactory events;
  private final UserUpdates changes;
  private final InvalidEvents invalids;

  /** The current user's creation events not emitted yet; the user goes live after the last. */
  private final Deque<Emitted> creations = new ArrayDeque<>();

  private UserEntity creating;

  /** The older half of an out-of-order pair, emitted right after the newer one. */
  private Emitted overtaken;

  private int usersStarted;
  private long sequence;

  public EventGenerator(GeneratorOptions options) {
    this.options = options;
    this.random = new Random(options.seed());
    this.mix = new CategoryMix(options);
    this.clock =
        new SimulatedClock(options.startTime(), options.baseTime(), options.users(), random);
    this.population = new Population(random, options.beneficiaryPoolSize());
    this.people = new PersonFaker(options.seed(), random);
    this.addresses = new EmailAddresses(random);
    this.events = new EventFactory(random, options.source());
    this.changes = new UserUpdates(random, people, population);
    this.invalids = new InvalidEvents(random, options, population, people, events, clock);
  }

  /** The events of {@code options} as a sequential stream. */
  public static Stream<GeneratedEvent> stream(GeneratorOptions options) {
    EventGenerator generator = new EventGenerator(options);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(generator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  public GeneratorOptions options() {
    return options;
  }

  @Override
  public boolean hasNext() {
    return overtaken != null || !creations.isEmpty() || usersStarted < options.users();
  }

  @Override
  public GeneratedEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + options.users() + " users are out");
    }
    Emitted emitted = produce();
    return new GeneratedEvent(sequence++, emitted.record(), emitted.kind(), emitted.invalidKind());
  }

  private Emitted produce() {
    if (overtaken != null) {
      Emitted late = overtaken;
      overtaken = null;
      return late;
    }
    Emitted drawn =
        switch (mix.pick(random.nextDouble())) {
          case INVALID -> invalids.next();
          case DUPLICATE -> duplicate();
          case OUT_OF_ORDER -> outOfOrder();
          case UPDATE -> update();
          case DELETE -> delete();
          case CREATE -> null;
        };
    // A draw that cannot be served yet (nobody live to update, say) becomes a creation.
    return drawn != null ? drawn : creation();
  }

  private Emitted creation() {
    if (creations.isEmpty()) {
      startUser();
    }
    Emitted next = creations.removeFirst();
    if (creations.isEmpty()) {
      population.addUser(creating);
      creating = null;
    }
    return next;
  }

  /** Queues the creation of the next user and its 1-3 emails. */
  private void startUser() {
    Instant created = clock.enterUserSlot(usersStarted++);
    Person person = people.next();
    User state =
        new User(
            population.newUserId(),
            population.beneficiary(),
            person.firstName(),
            person.lastName(),
            person.phone(),
            created,
            created,
            random.nextDouble() < 0.85 ? person.locale() : null);
    UserEntity user = new UserEntity(state);
    user.lastRecord = events.userUpsert(state, user.nextVersion(), created);
    creations.add(Emitted.of(user.lastRecord, EventKind.CREATE));
    int emailCount = 1 + random.nextInt(3);
    for (int n = 0; n < emailCount; n++) {
      Instant added = clock.advance();
      EmailEntity email =
          new EmailEntity(new Email(addresses.next(person, n), user.userId(), added), user);
      email.lastRecord = events.emailUpsert(email.state, email.nextVersion(), added);
      user.emails.add(email);
      creations.add(Emitted.of(email.lastRecord, EventKind.CREATE));
    }
    creating = user;
  }

  private Emitted update() {
    if (population.liveUsers.isEmpty()) {
      return null;
    }
    UserEntity user = population.liveUsers.pick(random);
    return Emitted.of(applyUpdate(user), EventKind.UPDATE);
  }

  /** Two updates of one user; the newer goes out now, the older right after it. */
  private Emitted outOfOrder() {
    if (population.liveUsers.isEmpty()) {
      return null;
    }
    UserEntity user = population.liveUsers.pick(random);
    ChangeRecord older = applyUpdate(user);
    ChangeRecord newer = applyUpdate(user);
    overtaken = Emitted.of(older, EventKind.OUT_OF_ORDER);
    return Emitted.of(newer, EventKind.UPDATE);
  }

  private ChangeRecord applyUpdate(UserEntity user) {
    Instant now = clock.advance();
    Instant updated =
        now.isAfter(user.state.getUpdated()) ? now : user.state.getUpdated().plusMillis(1);
    user.state = changes.next(user.state, updated);
    user.lastRecord = events.userUpsert(user.state, user.nextVersion(), updated);
    return user.lastRecord;
  }

  /** Half user deletes, half email deletes; a user's last email is only deleted with the user. */
  private Emitted delete() {
    if (population.liveUsers.isEmpty()) {
      return null;
    }
    Instant now = clock.advance();
    if (random.nextBoolean()) {
      for (int tries = 0; tries < 4; tries++) {
        UserEntity owner = population.liveUsers.pick(random);
        if (owner.emails.size() > 1) {
          EmailEntity email = owner.emails.get(random.nextInt(owner.emails.size()));
          email.lastRecord = events.emailDelete(email.address(), email.nextVersion(), now);
          population.deleteEmail(email);
          return Emitted.of(email.lastRecord, EventKind.DELETE);
        }
      }
    }
    UserEntity user = population.liveUsers.pick(random);
    user.lastRecord =
        events.userDelete(
            new UserKey(user.userId(), user.state.getCreated()), user.nextVersion(), now);
    population.deleteUser(user);
    return Emitted.of(user.lastRecord, EventKind.DELETE);
  }

  /** The latest event of some user or email, sent again unchanged. */
  private Emitted duplicate() {
    if (population.replayable.isEmpty()) {
      return null;
    }
    clock.advance();
    return Emitted.of(population.replayable.pick(random).latestRecord(), EventKind.DUPLICATE);
  }
}
