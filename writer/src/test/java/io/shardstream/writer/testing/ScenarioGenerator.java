package io.shardstream.writer.testing;

import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import io.shardstream.schemas.serde.AvroClassTrust;
import io.shardstream.writer.testing.Planned.Payload;
import io.shardstream.writer.testing.Planned.Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A deterministic, roughly realistic workload for the writer from a seed: users with updates,
 * emails (some shared by mistake, some deleted and claimed again), duplicates, records out of
 * order, deletes with cascades, claims after cascades, claims for deleted users, and invalid
 * records of every kind. Three phases (see {@link Scenario}):
 *
 * <ol>
 *   <li>build-up: users and emails, no user deletes (so no cross-topic races);
 *   <li>deletes: some users deleted (their emails cascade), some re-created; email records touch
 *       only addresses of users that stay;
 *   <li>after the cascades: claims of freed addresses, claims by deleted users, stale and duplicate
 *       records of cascaded addresses; email records only.
 * </ol>
 */
public final class ScenarioGenerator {
  /** How the writer under test reads values: decides some undecodable reasons. */
  public enum Format {
    PLAIN_AVRO,
    REGISTRY
  }

  private static final long START = 1_704_067_200_000L; // 2024-01-01
  private static final long END = 1_748_649_600_000L; // 2025-05-31
  private static final long DAY = 86_400_000L;
  private static final String[] FIRST = {
    "Ana", "José", "Zoë", "Łukasz", "Chloé", "Mia", "Noah", "Björn", "Aiyana", "Kenji", "Fatima",
    "Oliver", "Inés", "Dmitri", "Amara", "Søren"
  };
  private static final String[] LAST = {
    "Gómez-Juárez",
    "O'Neil",
    "Müller",
    "Nguyen",
    "Smith",
    "van der Berg",
    "Kowalski",
    "Rossi",
    "Dubois",
    "Okafor",
    "Tanaka",
    "García Márquez"
  };
  private static final String[] DOMAINS = {"example.com", "mail.test", "exämple.de", "corp.io"};
  private static final String[] LOCALES = {"en-US", "de-DE", "es-MX", "fr-FR", "ja-JP"};

  private final Random random;
  private final Format format;
  private final ReferenceModel model = new ReferenceModel();
  private final Map<String, Long> userVersions = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, Long> emailVersions = new HashMap<>();
  private final List<String> userIds = new ArrayList<>();
  private int emailSerial;
  private boolean tooLargeSent;

  private ScenarioGenerator(long seed, Format format) {
    this.random = new Random(seed);
    this.format = format;
  }

  public static Scenario generate(long seed, int userCount, Format format) {
    // Builds Avro events before any serde exists: Avro must trust their classes first.
    AvroClassTrust.trustEventClasses();
    return new ScenarioGenerator(seed, format).generate(userCount);
  }

  private Scenario generate(int userCount) {
    List<List<Scenario.Step>> phases = new ArrayList<>();
    List<Long> cascades = new ArrayList<>();
    phases.add(run(buildUp(userCount)));
    cascades.add(model.cascades());
    Set<String> deleted = new LinkedHashSet<>();
    Set<String> recreated = new LinkedHashSet<>();
    phases.add(run(deletes(deleted, recreated)));
    cascades.add(model.cascades());
    phases.add(run(afterCascades(deleted, recreated)));
    cascades.add(model.cascades());
    return new Scenario(phases, model, cascades);
  }

  private List<Scenario.Step> run(List<Planned> records) {
    return records.stream().map(p -> new Scenario.Step(p, model.apply(p))).toList();
  }

  // ---- phase 1 ----------------------------------------------------------------------------

  private List<Planned> buildUp(int userCount) {
    List<List<Planned>> streams = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      String id = "u-" + i;
      userIds.add(id);
      streams.add(userStream(id));
    }
    for (int j = 0; j < userCount * 3 / 2; j++) {
      String owner = random.nextInt(100) < 5 ? "ghost-" + j : pick(userIds);
      streams.add(emailStream(newAddress(), owner));
    }
    for (int k = 0; k < Math.max(2, userCount / 25); k++) {
      streams.add(
          List.of(random.nextBoolean() ? invalidUser(pick(userIds)) : invalidEmail(newAddress())));
    }
    return merge(streams);
  }

  private List<Planned> userStream(String id) {
    List<Planned> stream = new ArrayList<>();
    long created = between(START, END - 90 * DAY);
    User user =
        User.newBuilder()
            .setUserId(id)
            .setBeneficiaryId("b-" + random.nextInt(50))
            .setFirstName(pick(FIRST))
            .setLastName(pick(LAST))
            .setPhone(random.nextInt(10) < 8 ? digits(10) : null)
            .setCreated(Instant.ofEpochMilli(created))
            .setUpdated(Instant.ofEpochMilli(created))
            .setLocale(random.nextBoolean() ? pick(LOCALES) : null)
            .build();
    stream.add(userUpsert(user));
    int updates = random.nextInt(5);
    for (int u = 0; u < updates; u++) {
      stream.add(userUpsert(changed(users.get(id))));
    }
    disorder(stream);
    if (random.nextInt(100) < 3) {
      stream.add(random.nextInt(stream.size() + 1), invalidUser(id));
    }
    return stream;
  }

  private List<Planned> emailStream(String address, String owner) {
    List<Planned> stream = new ArrayList<>();
    long created = between(START, END);
    stream.add(emailUpsert(address, owner, created));
    int updates = random.nextInt(3);
    for (int u = 0; u < updates; u++) {
      if (random.nextInt(100) < 5) {
        created = between(START, END); // moves the item to another shard
      }
      stream.add(emailUpsert(address, owner, created));
    }
    int fate = random.nextInt(100);
    if (fate < 6) {
      stream.add(emailUpsert(address, otherThan(owner), between(START, END))); // conflict
    } else if (fate < 12) {
      stream.add(emailDelete(address));
      stream.add(emailUpsert(address, otherThan(owner), between(START, END))); // claim after delete
    } else if (fate < 15) {
      stream.add(emailDelete(address));
    }
    disorder(stream);
    if (random.nextInt(100) < 3) {
      stream.add(random.nextInt(stream.size() + 1), invalidEmail(address));
    }
    return stream;
  }

  // ---- phase 2 ----------------------------------------------------------------------------

  private List<Planned> deletes(Set<String> deleted, Set<String> recreated) {
    List<List<Planned>> streams = new ArrayList<>();
    for (String id : userIds) {
      if (!model.userLive(id)) {
        continue;
      }
      int choice = random.nextInt(100);
      if (choice < 20) {
        deleted.add(id);
        streams.add(deleteStream(id, recreated));
      } else if (choice < 35) {
        List<Planned> stream = new ArrayList<>();
        stream.add(userUpsert(changed(users.get(id))));
        if (random.nextBoolean()) {
          stream.add(userUpsert(changed(users.get(id))));
        }
        disorder(stream);
        streams.add(stream);
      }
    }
    for (int k = 0; k < Math.max(1, userIds.size() / 50); k++) {
      String nobody = "nobody-" + k;
      streams.add(List.of(Planned.user(userDelete(nobody, between(START, END)))));
    }
    // Email records only for addresses of users that stay, claimed by users that stay.
    for (Map.Entry<String, ReferenceModel.EmailRef> entry : model.emails().entrySet()) {
      ReferenceModel.EmailRef email = entry.getValue();
      if (email.deleted() || deleted.contains(email.userId()) || random.nextInt(100) >= 15) {
        continue;
      }
      List<Planned> stream = new ArrayList<>();
      if (random.nextInt(100) < 30) {
        stream.add(emailDelete(entry.getKey()));
      } else {
        stream.add(emailUpsert(entry.getKey(), email.userId(), email.created()));
      }
      streams.add(stream);
    }
    List<String> staying = userIds.stream().filter(id -> !deleted.contains(id)).toList();
    for (int k = 0; k < userIds.size() / 10; k++) {
      streams.add(List.of(emailUpsert(newAddress(), pick(staying), between(START, END))));
    }
    for (int k = 0; k < Math.max(2, userIds.size() / 40); k++) {
      streams.add(
          List.of(random.nextBoolean() ? invalidUser(pick(userIds)) : invalidEmail(newAddress())));
    }
    return merge(streams);
  }

  private List<Planned> deleteStream(String id, Set<String> recreated) {
    List<Planned> stream = new ArrayList<>();
    User before = users.get(id);
    UserChangeEvent delete = userDelete(id, before.getCreated().toEpochMilli());
    stream.add(Planned.user(delete));
    int after = random.nextInt(100);
    if (after < 30) {
      // A late upsert older than the delete: the tombstone must keep it out.
      stream.add(Planned.user(upsertEvent(changed(before), delete.getVersion() - 1)));
    } else if (after < 40) {
      stream.add(Planned.user(delete));
    } else if (after < 60) {
      recreated.add(id);
      stream.add(userUpsert(changed(before)));
    }
    return stream;
  }

  // ---- phase 3 ----------------------------------------------------------------------------

  private List<Planned> afterCascades(Set<String> deleted, Set<String> recreated) {
    List<List<Planned>> streams = new ArrayList<>();
    List<String> staying =
        userIds.stream().filter(id -> !deleted.contains(id) && model.userLive(id)).toList();
    for (Map.Entry<String, ReferenceModel.EmailRef> entry : model.emails().entrySet()) {
      ReferenceModel.EmailRef email = entry.getValue();
      if (!email.deleted() || email.userId() == null || !deleted.contains(email.userId())) {
        continue;
      }
      String address = entry.getKey();
      int choice = random.nextInt(100);
      if (choice < 35) {
        streams.add(List.of(emailUpsert(address, pick(staying), between(START, END))));
      } else if (choice < 50 && email.version() > 1) {
        streams.add(
            List.of(
                Planned.email(
                    upsertEvent(address, email.userId(), email.created(), email.version() - 1))));
      } else if (choice < 60) {
        streams.add(
            List.of(
                Planned.email(
                    upsertEvent(address, email.userId(), email.created(), email.version()))));
      } else if (choice < 85) {
        // The former owner claims it again: refused unless the owner was re-created.
        streams.add(List.of(emailUpsert(address, email.userId(), email.created())));
      }
    }
    List<String> gone = deleted.stream().filter(id -> !recreated.contains(id)).toList();
    for (int k = 0; k < Math.max(1, userIds.size() / 30) && !gone.isEmpty(); k++) {
      streams.add(List.of(emailUpsert(newAddress(), pick(gone), between(START, END))));
    }
    for (int k = 0; k < Math.max(2, userIds.size() / 50); k++) {
      streams.add(List.of(invalidEmail(newAddress())));
    }
    return merge(streams);
  }

  // ---- invalid records ----------------------------------------------------------------------

  private Planned invalidUser(String id) {
    User user =
        changed(
            users.getOrDefault(
                id,
                User.newBuilder()
                    .setUserId(id)
                    .setBeneficiaryId("b-1")
                    .setFirstName("Ana")
                    .setLastName("Diaz")
                    .setPhone(null)
                    .setCreated(Instant.ofEpochMilli(START))
                    .setUpdated(Instant.ofEpochMilli(START))
                    .setLocale(null)
                    .build()));
    long version = 1_000_000 + random.nextInt(1000); // never touches the entity's versions
    int kinds = format == Format.REGISTRY ? 16 : 14;
    int kind = random.nextInt(kinds);
    if (kind == 13 && tooLargeSent) {
      kind = 0;
    }
    return switch (kind) {
      case 0 ->
          invalid(
              Target.USERS,
              "",
              upsertEvent(withId(user, ""), version),
              "invalid:user.userId:empty");
      case 1 ->
          invalid(
              Target.USERS,
              id,
              upsertEvent(User.newBuilder(user).setBeneficiaryId("").build(), version),
              "invalid:user.beneficiaryId:empty");
      case 2 ->
          invalid(
              Target.USERS,
              id,
              upsertEvent(User.newBuilder(user).setPhone("+1 555 01").build(), version),
              "invalid:user.phone:format");
      case 3 ->
          invalid(
              Target.USERS,
              id,
              upsertEvent(
                  User.newBuilder(user)
                      .setCreated(Instant.parse("2100-01-01T00:00:00Z"))
                      .setUpdated(Instant.parse("2100-01-01T00:00:00Z"))
                      .build(),
                  version),
              "invalid:user.created:in-future");
      case 4 ->
          invalid(
              Target.USERS,
              id,
              upsertEvent(
                  User.newBuilder(user)
                      .setUpdated(Instant.ofEpochMilli(user.getCreated().toEpochMilli() - 1))
                      .build(),
                  version),
              "invalid:user.updated:before-created");
      case 5 ->
          invalid(Target.USERS, id + "-x", upsertEvent(user, version), "invalid:user.key:mismatch");
      case 6 ->
          invalid(
              Target.USERS,
              id + ",x",
              upsertEvent(withId(user, id + ",x"), version),
              "invalid:user.userId:delimiter");
      case 7 ->
          invalid(
              Target.USERS,
              id,
              upsertEvent(User.newBuilder(user).setBeneficiaryId("b," + id).build(), version),
              "invalid:user.beneficiaryId:delimiter");
      case 8 -> {
        String longId = id + "-" + "x".repeat(1100);
        yield invalid(
            Target.USERS,
            longId,
            upsertEvent(withId(user, longId), version),
            "invalid:user.userId:too-long");
      }
      case 9 ->
          invalid(
              Target.USERS,
              id,
              UserChangeEvent.newBuilder(upsertEvent(user, version))
                  .setUserKey(
                      UserKey.newBuilder().setUserId(id).setCreated(user.getCreated()).build())
                  .build(),
              "invalid:user.userKey:unexpected");
      case 10 -> Planned.invalid(Target.USERS, id, new Payload.Raw(garbage()), garbageReason());
      case 11 -> Planned.invalid(Target.USERS, id, new Payload.Null(), "undecodable:null-value");
      case 12 ->
          Planned.invalid(
              Target.USERS,
              id,
              new Payload.Truncated(upsertEvent(user, version)),
              "undecodable:malformed-avro");
      case 13 -> {
        tooLargeSent = true;
        yield invalid(
            Target.USERS,
            id,
            upsertEvent(User.newBuilder(user).setLocale("x".repeat(410_000)).build(), version),
            "invalid:user.item:too-large");
      }
      case 14 ->
          Planned.invalid(
              Target.USERS,
              id,
              new Payload.Raw(new byte[] {0, 0x7f, -1, -1, -16, 2, 4}),
              "undecodable:unknown-schema-id");
      default ->
          Planned.invalid(
              Target.USERS,
              id,
              new Payload.OtherTopics(upsertEvent(id + "@wrong.topic", id, START, version)),
              "undecodable:wrong-event-type");
    };
  }

  private Planned invalidEmail(String address) {
    long version = 1_000_000 + random.nextInt(1000);
    String owner = pick(userIds);
    int kind = random.nextInt(8);
    return switch (kind) {
      case 0 ->
          invalidEmail(address.replace("@", ".at."), owner, version, "invalid:email.email:format");
      case 1 ->
          invalid(
              Target.EMAILS,
              address,
              upsertEvent(address, "", START, version),
              "invalid:email.userId:empty");
      case 2 ->
          invalid(
              Target.EMAILS,
              "x" + address,
              upsertEvent(address, owner, START, version),
              "invalid:email.key:mismatch");
      case 3 -> invalidEmail("a," + address, owner, version, "invalid:email.email:delimiter");
      case 4 ->
          invalid(
              Target.EMAILS,
              address,
              upsertEvent(
                  address, owner, Instant.parse("2100-01-01T00:00:00Z").toEpochMilli(), version),
              "invalid:email.created:in-future");
      case 5 ->
          Planned.invalid(Target.EMAILS, address, new Payload.Raw(garbage()), garbageReason());
      case 6 ->
          Planned.invalid(Target.EMAILS, address, new Payload.Null(), "undecodable:null-value");
      default ->
          Planned.invalid(
              Target.EMAILS,
              address,
              new Payload.Truncated(upsertEvent(address, owner, START, version)),
              "undecodable:malformed-avro");
    };
  }

  private Planned invalidEmail(String address, String owner, long version, String reason) {
    return invalid(Target.EMAILS, address, upsertEvent(address, owner, START, version), reason);
  }

  private static Planned invalid(Target target, String key, Object event, String reason) {
    Payload payload =
        event instanceof UserChangeEvent user
            ? new Payload.User(user)
            : new Payload.Email((EmailChangeEvent) event);
    return Planned.invalid(target, key, payload, reason);
  }

  private static byte[] garbage() {
    return "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8);
  }

  private String garbageReason() {
    return format == Format.REGISTRY
        ? "undecodable:not-registry-framed"
        : "undecodable:malformed-avro";
  }

  // ---- events -----------------------------------------------------------------------------

  private Planned userUpsert(User user) {
    long version = userVersions.merge(user.getUserId(), 1L, Long::sum);
    users.put(user.getUserId(), user);
    return Planned.user(upsertEvent(user, version));
  }

  private UserChangeEvent upsertEvent(User user, long version) {
    return UserChangeEvent.newBuilder()
        .setEventId(uuid())
        .setOp(ChangeOp.UPSERT)
        .setVersion(version)
        .setOccurredAt(user.getUpdated())
        .setSource("generator")
        .setUser(user)
        .build();
  }

  private UserChangeEvent userDelete(String id, long created) {
    long version = userVersions.merge(id, 1L, Long::sum);
    return UserChangeEvent.newBuilder()
        .setEventId(uuid())
        .setOp(ChangeOp.DELETE)
        .setVersion(version)
        .setOccurredAt(Instant.ofEpochMilli(END))
        .setSource("generator")
        .setUserKey(
            UserKey.newBuilder().setUserId(id).setCreated(Instant.ofEpochMilli(created)).build())
        .build();
  }

  private Planned emailUpsert(String address, String owner, long created) {
    long version = emailVersions.merge(address, 1L, Long::sum);
    return Planned.email(upsertEvent(address, owner, created, version));
  }

  private EmailChangeEvent upsertEvent(String address, String owner, long created, long version) {
    return EmailChangeEvent.newBuilder()
        .setEventId(uuid())
        .setOp(ChangeOp.UPSERT)
        .setVersion(version)
        .setOccurredAt(Instant.ofEpochMilli(created))
        .setSource("generator")
        .setEmail(
            Email.newBuilder()
                .setEmail(address)
                .setUserId(owner)
                .setCreated(Instant.ofEpochMilli(created))
                .build())
        .build();
  }

  private Planned emailDelete(String address) {
    long version = emailVersions.merge(address, 1L, Long::sum);
    return Planned.email(
        EmailChangeEvent.newBuilder()
            .setEventId(uuid())
            .setOp(ChangeOp.DELETE)
            .setVersion(version)
            .setOccurredAt(Instant.ofEpochMilli(END))
            .setSource("generator")
            .setEmailKey(EmailKey.newBuilder().setEmail(address).build())
            .build());
  }

  /** The next state of a user: later update time, sometimes a new name, phone or locale. */
  private User changed(User user) {
    User.Builder next = User.newBuilder(user);
    long updated = Math.min(user.getUpdated().toEpochMilli() + between(3_600_000L, 30 * DAY), END);
    if (random.nextInt(100) < 2) {
      long created = between(START, END - 90 * DAY); // a corrected creation time moves the item
      next.setCreated(Instant.ofEpochMilli(created));
      updated = Math.max(updated, created);
    }
    next.setUpdated(Instant.ofEpochMilli(updated));
    switch (random.nextInt(4)) {
      case 0 -> next.setLastName(pick(LAST));
      case 1 -> next.setPhone(random.nextBoolean() ? digits(10) : null);
      case 2 -> next.setLocale(pick(LOCALES));
      default -> next.setFirstName(pick(FIRST));
    }
    return next.build();
  }

  private static User withId(User user, String id) {
    return User.newBuilder(user).setUserId(id).build();
  }

  /** Some records out of order (an adjacent pair swapped) and some sent twice. */
  private void disorder(List<Planned> stream) {
    if (stream.size() > 1 && random.nextInt(100) < 15) {
      int i = random.nextInt(stream.size() - 1);
      Planned first = stream.get(i);
      stream.set(i, stream.get(i + 1));
      stream.set(i + 1, first);
    }
    if (random.nextInt(100) < 10) {
      int i = random.nextInt(stream.size());
      stream.add(i + 1, stream.get(i));
    }
  }

  /** Interleaves the streams at random, keeping each stream's own order. */
  private List<Planned> merge(List<List<Planned>> streams) {
    List<List<Planned>> open = new ArrayList<>();
    for (List<Planned> stream : streams) {
      if (!stream.isEmpty()) {
        open.add(new ArrayList<>(stream));
      }
    }
    List<Planned> merged = new ArrayList<>();
    while (!open.isEmpty()) {
      int i = random.nextInt(open.size());
      List<Planned> stream = open.get(i);
      merged.add(stream.remove(0));
      if (stream.isEmpty()) {
        open.set(i, open.get(open.size() - 1));
        open.remove(open.size() - 1);
      }
    }
    return merged;
  }

  private String newAddress() {
    int n = emailSerial++;
    return (pick(FIRST) + "." + pick(LAST))
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-zà-ÿłøšž.]", "")
        + n
        + "@"
        + pick(DOMAINS);
  }

  private String otherThan(String owner) {
    String other = pick(userIds);
    return other.equals(owner) ? other + "-twin" : other;
  }

  private UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private long between(long from, long to) {
    return from + (long) (random.nextDouble() * (to - from));
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
