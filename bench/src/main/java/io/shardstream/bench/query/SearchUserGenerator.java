package io.shardstream.bench.query;

import io.shardstream.bench.items.UserItem;
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
 * Deterministic users for {@code bench query}, shaped for searching rather than for key generation
 * (that is {@link io.shardstream.bench.items.UserItemGenerator}'s job): names drawn with a
 * long-tailed (Zipf-like) frequency from ~160 first and ~190 last names, common English ones next
 * to accented, hyphenated, Cyrillic and East Asian ones, so that a two- or three-letter name prefix
 * matches a few hundred to a few thousand of 100,000 users; and creation times mostly in 2025, the
 * seed configuration's 16-shard bump.
 *
 * <p>Creation times: {@link #IN_BUMP_16_PERCENT}% in [2025-01-01, 2026-01-01) (16 shards), {@link
 * #IN_BUMP_4_PERCENT}% in 2024 (4 shards), the rest in 2023 (before the first bump: one unsharded
 * partition, which the single-partition side of the benchmark reads).
 */
public final class SearchUserGenerator {
  public static final Instant YEAR_2023 = Instant.parse("2023-01-01T00:00:00Z");
  public static final Instant YEAR_2024 = Instant.parse("2024-01-01T00:00:00Z");
  public static final Instant YEAR_2025 = Instant.parse("2025-01-01T00:00:00Z");
  public static final Instant YEAR_2026 = Instant.parse("2026-01-01T00:00:00Z");

  static final int IN_BUMP_16_PERCENT = 85;
  static final int IN_BUMP_4_PERCENT = 5;

  private static final long MAX_UPDATE_DELAY_MS = Duration.ofDays(180).toMillis();
  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  private static final List<String> NON_ASCII_ID_CHARS = List.of("é", "ß", "Ж", "日", "😀");
  private static final int NON_ASCII_ID_PERCENT = 5;
  private static final int BENEFICIARY_ID_LENGTH = 21;
  private static final int USERS_PER_BENEFICIARY = 50;

  /** Roughly by frequency, most common first. */
  static final List<String> FIRST_NAMES =
      List.of(
          "James",
          "Maria",
          "John",
          "Mary",
          "Robert",
          "Michael",
          "José",
          "David",
          "Anna",
          "William",
          "Jennifer",
          "Linda",
          "Elizabeth",
          "Mohammed",
          "Sarah",
          "Daniel",
          "Thomas",
          "Joseph",
          "Olivia",
          "Emma",
          "Liam",
          "Noah",
          "Sophia",
          "Lucas",
          "Mia",
          "Jonathan",
          "Joanna",
          "Patricia",
          "Barbara",
          "Susan",
          "Jessica",
          "Karen",
          "Christopher",
          "Charles",
          "Matthew",
          "Mark",
          "Margaret",
          "Martin",
          "Marco",
          "Ana María",
          "Jürgen",
          "Chloé",
          "Zoë",
          "François",
          "Björn",
          "Søren",
          "Łukasz",
          "Siobhán",
          "Renée",
          "Amélie",
          "Giuseppe",
          "Ольга",
          "Nancy",
          "Lisa",
          "Betty",
          "Sandra",
          "Ashley",
          "Kimberly",
          "Emily",
          "Donna",
          "Michelle",
          "Carol",
          "Amanda",
          "Melissa",
          "Deborah",
          "Stephanie",
          "Rebecca",
          "Laura",
          "Helen",
          "Sharon",
          "Cynthia",
          "Kathleen",
          "Amy",
          "Angela",
          "Anthony",
          "Kevin",
          "Brian",
          "George",
          "Edward",
          "Ronald",
          "Timothy",
          "Jason",
          "Jeffrey",
          "Ryan",
          "Jacob",
          "Gary",
          "Nicholas",
          "Eric",
          "Stephen",
          "Larry",
          "Justin",
          "Scott",
          "Brandon",
          "Benjamin",
          "Gregory",
          "Frank",
          "Raymond",
          "Alexander",
          "Patrick",
          "Jack",
          "Dennis",
          "Jerry",
          "Tyler",
          "Aaron",
          "Henry",
          "Adam",
          "Douglas",
          "Nathan",
          "Peter",
          "Zachary",
          "Kyle",
          "Walter",
          "Harold",
          "Jeremy",
          "Ethan",
          "Carl",
          "Keith",
          "Roger",
          "Gerald",
          "Christian",
          "Terry",
          "Sean",
          "Arthur",
          "Austin",
          "Lawrence",
          "Jesse",
          "Dylan",
          "Bryan",
          "Joe",
          "Jordan",
          "Joshua",
          "Josephine",
          "Billy",
          "Bruce",
          "Albert",
          "Gabriel",
          "Logan",
          "Alan",
          "Juan",
          "Wayne",
          "Roy",
          "Ralph",
          "Vincent",
          "Russell",
          "Elijah",
          "Louis",
          "Philip",
          "Johnny",
          "Nguyễn Văn",
          "İlkay",
          "D'Arcy",
          "Mary-Jane",
          "Þórr",
          "Ştefan",
          "Ærwyn",
          "ﬁona",
          "Yuki",
          "Hiroshi",
          "Wei",
          "Priya",
          "Aarav",
          "Fatima",
          "Omar");

  /** Roughly by frequency, most common first. */
  static final List<String> LAST_NAMES =
      List.of(
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "Jones",
          "Garcia",
          "Miller",
          "Davis",
          "Rodriguez",
          "Martinez",
          "Hernandez",
          "Lopez",
          "Gonzalez",
          "Wilson",
          "Anderson",
          "Thomas",
          "Taylor",
          "Moore",
          "Jackson",
          "Martin",
          "Lee",
          "Perez",
          "Thompson",
          "White",
          "Harris",
          "Sanchez",
          "Clark",
          "Ramirez",
          "Lewis",
          "Robinson",
          "Walker",
          "Young",
          "Allen",
          "King",
          "Wright",
          "Scott",
          "Torres",
          "Nguyen",
          "Hill",
          "Flores",
          "Green",
          "Adams",
          "Nelson",
          "Baker",
          "Hall",
          "Rivera",
          "Campbell",
          "Mitchell",
          "Carter",
          "Roberts",
          "Müller",
          "Schmidt",
          "Schneider",
          "Fischer",
          "Weber",
          "Meyer",
          "Wagner",
          "Becker",
          "Schulz",
          "Hoffmann",
          "Kowalski",
          "Nowak",
          "Wiśniewski",
          "Wójcik",
          "Kowalczyk",
          "Kamiński",
          "Lewandowski",
          "Zieliński",
          "Dvořák",
          "Novák",
          "Svoboda",
          "Šimůnek",
          "Østergaard",
          "Håkansson",
          "Andersson",
          "Johansson",
          "Karlsson",
          "Nilsson",
          "Eriksson",
          "Larsson",
          "Olsen",
          "Hansen",
          "Jensen",
          "Nielsen",
          "Pedersen",
          "Rossi",
          "Russo",
          "Ferrari",
          "Esposito",
          "Bianchi",
          "Romano",
          "Colombo",
          "Ricci",
          "Marino",
          "Greco",
          "Dubois",
          "Lefèvre",
          "Moreau",
          "Laurent",
          "Simon",
          "Michel",
          "García",
          "Fernández",
          "González",
          "Rodríguez",
          "López",
          "Martínez",
          "Sánchez",
          "Pérez",
          "Gómez-Juárez-Álvarez",
          "Ferreira da Silva",
          "Silva",
          "Santos",
          "Oliveira",
          "Souza",
          "Costa",
          "Pereira",
          "Almeida",
          "O'Brien",
          "O'Connor",
          "Murphy",
          "Kelly",
          "McDonald",
          "MacLeod",
          "van der Berg",
          "de Vries",
          "van Dijk",
          "Jansen",
          "Bakker",
          "Visser",
          "Smit",
          "Papadopoulos",
          "Nakamura",
          "Tanaka",
          "Suzuki",
          "Takahashi",
          "Watanabe",
          "Ōtsuka",
          "Yılmaz",
          "Kaya",
          "Demir",
          // Çağlar pre-decomposed: base letters followed by combining cedilla and breve.
          "C\u0327ag\u0306lar",
          "Иванов",
          "Smirnov",
          "Kim",
          "Park",
          "Choi",
          "Chen",
          "Wang",
          "Li",
          "Zhang",
          "Liu",
          "Yang",
          "Huang",
          "Zhao",
          "Wu",
          "Zhou",
          "Xu",
          "Sun",
          "Ma",
          "Patel",
          "Shah",
          "Singh",
          "Kumar",
          "Sharma",
          "Gupta",
          "Khan",
          "Ali",
          "Ahmed",
          "Hussain",
          "St. John",
          "D’Angelo",
          "Straße",
          "Łęcki",
          "Jovanović",
          "Horvat",
          "Kovač",
          "Nagy",
          "Tóth",
          "Szabó",
          "Popescu",
          "Ionescu",
          "Petrov",
          "Sokolov",
          "Kuznetsov",
          "Cohen",
          "Levi",
          "Mizrahi",
          "Haddad",
          "Nasser",
          "Okafor",
          "Mensah",
          "Abebe");

  private static final double[] FIRST_CUMULATIVE = zipf(FIRST_NAMES.size());
  private static final double[] LAST_CUMULATIVE = zipf(LAST_NAMES.size());

  private final long seed;

  public SearchUserGenerator(long seed) {
    this.seed = seed;
  }

  /** {@code count} users with distinct ids; the first n are the same for any count ≥ n. */
  public List<UserItem> generate(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one user, got " + count);
    }
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<String> beneficiaryIds = new ArrayList<>();
    Set<String> userIds = new HashSet<>();
    List<UserItem> users = new ArrayList<>(count);
    while (users.size() < count) {
      String userId = userId(random);
      if (!userIds.add(userId)) {
        continue;
      }
      String beneficiaryId = beneficiaryId(random, beneficiaryIds, users.size());
      long created = created(random);
      users.add(
          new UserItem(
              userId,
              beneficiaryId,
              pick(random, FIRST_NAMES, FIRST_CUMULATIVE),
              pick(random, LAST_NAMES, LAST_CUMULATIVE),
              phone(random),
              created,
              created + random.nextLong(MAX_UPDATE_DELAY_MS)));
    }
    return users;
  }

  private static long created(RandomGenerator random) {
    int bucket = random.nextInt(100);
    Instant from;
    Instant until;
    if (bucket < IN_BUMP_16_PERCENT) {
      from = YEAR_2025;
      until = YEAR_2026;
    } else if (bucket < IN_BUMP_16_PERCENT + IN_BUMP_4_PERCENT) {
      from = YEAR_2024;
      until = YEAR_2025;
    } else {
      from = YEAR_2023;
      until = YEAR_2024;
    }
    return random.nextLong(from.toEpochMilli(), until.toEpochMilli());
  }

  /** Weight of rank r (from 0) proportional to 1 / (r + 8): a long tail, no single huge head. */
  private static double[] zipf(int size) {
    double[] cumulative = new double[size];
    double sum = 0;
    for (int rank = 0; rank < size; rank++) {
      sum += 1.0 / (rank + 8);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < size; rank++) {
      cumulative[rank] /= sum;
    }
    cumulative[size - 1] = 1.0;
    return cumulative;
  }

  private static String pick(RandomGenerator random, List<String> values, double[] cumulative) {
    double u = random.nextDouble();
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return values.get(low);
  }

  private static String userId(RandomGenerator random) {
    StringBuilder id = new StringBuilder();
    int length = random.nextInt(10, 22);
    for (int i = 0; i < length; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    if (random.nextInt(100) < NON_ASCII_ID_PERCENT) {
      id.insert(
          random.nextInt(id.length() + 1),
          NON_ASCII_ID_CHARS.get(random.nextInt(NON_ASCII_ID_CHARS.size())));
    }
    return id.toString();
  }

  private static String beneficiaryId(
      RandomGenerator random, List<String> beneficiaryIds, int usersSoFar) {
    if (usersSoFar % USERS_PER_BENEFICIARY == 0) {
      StringBuilder id = new StringBuilder(BENEFICIARY_ID_LENGTH);
      for (int i = 0; i < BENEFICIARY_ID_LENGTH; i++) {
        id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
      }
      beneficiaryIds.add(id.toString());
    }
    return beneficiaryIds.get(random.nextInt(beneficiaryIds.size()));
  }

  private static String phone(RandomGenerator random) {
    return "+1"
        + random.nextInt(200, 1000)
        + random.nextInt(200, 1000)
        + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
  }
}
