package io.shardstream.bench.items;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Deterministic users for benchmarks: the same seed gives the same users on every JDK, because
 * {@code L64X128MixRandom}'s algorithm is fixed by its specification (unlike {@code Random}'s
 * subclasses or the default generator).
 *
 * <p>The mix exercises what costs time in key generation: ids with non-ASCII characters (some
 * outside the BMP, so the shard hash sees surrogate pairs), names with accents, ligatures,
 * apostrophes and hyphens for canonicalization, and creation times spread over 2023–2026 so items
 * fall before the first shard bump and under each later one.
 */
public final class UserItemGenerator {
  /** Creation times are drawn from [2023-01-01, 2027-01-01) UTC. */
  public static final Instant CREATED_FROM = Instant.parse("2023-01-01T00:00:00Z");

  public static final Instant CREATED_UNTIL = Instant.parse("2027-01-01T00:00:00Z");
  private static final long MAX_UPDATE_DELAY_MS = Duration.ofDays(180).toMillis();

  /**
   * nanoid's alphabet: what ids usually look like. No key delimiter (Entity Manager's '|', the
   * shipped ',', '#') is in it.
   */
  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  /** Characters mixed into one id in ten: Latin-1, Cyrillic, CJK, and an emoji (2 UTF-16 units). */
  private static final List<String> NON_ASCII_ID_CHARS =
      List.of("é", "ß", "ø", "Ж", "λ", "日", "本", "한", "😀");

  private static final int NON_ASCII_ID_PERCENT = 10;
  private static final int BENEFICIARY_ID_LENGTH = 21;

  /** Every beneficiary (employer, card programme) has about this many users. */
  private static final int USERS_PER_BENEFICIARY = 10;

  private static final List<String> FIRST_NAMES =
      List.of(
          "José",
          "Zoë",
          "François",
          "Björn",
          "Łukasz",
          "Siobhán",
          "Ærwyn",
          "Renée",
          "Dvořák",
          "İlkay",
          "Nguyễn Văn",
          "Ångström",
          "Chloé",
          "Jürgen",
          "Søren",
          "Mary-Jane",
          "D'Arcy",
          "Ōtsuka",
          "Ana María",
          "Þórr",
          "ﬁona",
          "Amélie",
          "Giuseppe",
          "Ольга",
          "Ştefan",
          "John",
          "Olivia",
          "Liam",
          "Emma",
          "Noah");
  private static final List<String> LAST_NAMES =
      List.of(
          "Gómez-Juárez-Álvarez",
          "O'Brien",
          "Müller",
          "Østergaard",
          "van der Berg",
          "Nuñez",
          // Çağlar pre-decomposed: base letters followed by combining cedilla and breve.
          "Dvořáková",
          "C\u0327ag\u0306lar",
          "Łęcki",
          "Smith",
          "Johnson",
          "Brown",
          "Kowalski",
          "Lefèvre",
          "García",
          "D’Angelo",
          "McDonald",
          "Papadopoulos",
          "Šimůnek",
          "Иванов",
          "Nakamura",
          "Lee",
          "Wójcik",
          "St. John",
          "Ferreira da Silva",
          "Håkansson",
          "Yılmaz",
          "Straße",
          "Jones",
          "Taylor");

  private final long seed;

  public UserItemGenerator(long seed) {
    this.seed = seed;
  }

  /** {@code count} users with distinct ids; the first n are the same for any count ≥ n. */
  public List<UserItem> generate(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one item, got " + count);
    }
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<String> beneficiaryIds = new ArrayList<>();
    Set<String> userIds = new HashSet<>();
    List<UserItem> items = new ArrayList<>(count);
    while (items.size() < count) {
      String userId = userId(random);
      if (!userIds.add(userId)) {
        continue; // vanishingly rare; retried so ids stay unique keys
      }
      items.add(user(random, userId, beneficiaryId(random, beneficiaryIds, items.size())));
    }
    return items;
  }

  private UserItem user(RandomGenerator random, String userId, String beneficiaryId) {
    long created = random.nextLong(CREATED_FROM.toEpochMilli(), CREATED_UNTIL.toEpochMilli());
    long updated = created + random.nextLong(MAX_UPDATE_DELAY_MS);
    return new UserItem(
        userId,
        beneficiaryId,
        pick(random, FIRST_NAMES),
        pick(random, LAST_NAMES),
        phone(random),
        created,
        updated);
  }

  private static String userId(RandomGenerator random) {
    StringBuilder id = new StringBuilder();
    int length = random.nextInt(8, 22);
    for (int i = 0; i < length; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    if (random.nextInt(100) < NON_ASCII_ID_PERCENT) {
      id.insert(random.nextInt(id.length() + 1), pick(random, NON_ASCII_ID_CHARS));
    }
    return id.toString();
  }

  /** A new beneficiary for every {@code USERS_PER_BENEFICIARY} users; users pick any so far. */
  private static String beneficiaryId(
      RandomGenerator random, List<String> beneficiaryIds, int usersSoFar) {
    if (usersSoFar % USERS_PER_BENEFICIARY == 0) {
      StringBuilder id = new StringBuilder(BENEFICIARY_ID_LENGTH);
      for (int i = 0; i < BENEFICIARY_ID_LENGTH; i++) {
        id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
      }
      beneficiaryIds.add(id.toString());
    }
    return pick(random, beneficiaryIds);
  }

  /** North American numbers in E.164 form. */
  private static String phone(RandomGenerator random) {
    return "+1"
        + random.nextInt(200, 1000)
        + random.nextInt(200, 1000)
        + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
  }

  private static String pick(RandomGenerator random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
