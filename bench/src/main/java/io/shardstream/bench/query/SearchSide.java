package io.shardstream.bench.query;

import io.shardstream.bench.items.UserItem;
import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.query.RangeCondition;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.TimeWindow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One side of the comparison: the searches it pages through, one per session (sessions rotate
 * through a few variants so the benchmark does not read the same rows over and over), and which
 * generated users each should return, for the exactness check.
 */
public interface SearchSide {
  String FAN_OUT = "fan-out";
  String SINGLE = "single";

  String name();

  /** The search of session {@code session} (0, 1, 2, ...), with page size {@code limit}. */
  SearchRequest request(int session, int limit);

  /** Whether {@code user} is one of the results of session {@code session}'s search. */
  boolean matches(int session, UserItem user);

  /** What the side searches, for the report. */
  String describe();

  /**
   * The fan-out side: users whose first or last name starts with a prefix, over the firstName and
   * lastName indexes, in 2025 (the seed configuration's 16-shard bump).
   */
  static SearchSide fanOut(List<String> prefixes) {
    return new NameSearch(prefixes);
  }

  /** The single side: the created index over one month-aligned window of 2023 (unsharded). */
  static SearchSide single() {
    return new CreatedSearch();
  }

  /** UTC {@code yyyy-MM-dd}. */
  static String day(long epochMillis) {
    return DateTimeFormatter.ISO_LOCAL_DATE
        .withZone(ZoneOffset.UTC)
        .format(Instant.ofEpochMilli(epochMillis));
  }

  /** Name prefix over firstName + lastName: 2 indexes × the 16 shards of 2025. */
  record NameSearch(List<String> prefixes) implements SearchSide {
    /** All of 2025, inclusive: inside the 16-shard bump, which starts on 2025-01-01. */
    public static final TimeWindow WINDOW =
        new TimeWindow(
            SearchUserGenerator.YEAR_2025.toEpochMilli(),
            SearchUserGenerator.YEAR_2026.toEpochMilli() - 1);

    public NameSearch {
      prefixes = List.copyOf(prefixes);
      if (prefixes.isEmpty()) {
        throw new IllegalArgumentException("need at least one name prefix");
      }
      for (String prefix : prefixes) {
        if (!prefix.equals(Canonicalizer.canonicalize(prefix)) || prefix.isEmpty()) {
          throw new IllegalArgumentException(
              "name prefixes must be canonical (lower case, no accents, letters only): " + prefix);
        }
      }
    }

    @Override
    public String name() {
      return FAN_OUT;
    }

    public String prefix(int session) {
      return prefixes.get(Math.floorMod(session, prefixes.size()));
    }

    @Override
    public SearchRequest request(int session, int limit) {
      String prefix = prefix(session);
      return SearchRequest.builder("user")
          .index("firstName", new RangeCondition.Prefix(Map.of("firstNameCanonical", prefix)))
          .index("lastName", new RangeCondition.Prefix(Map.of("lastNameCanonical", prefix)))
          .window(WINDOW)
          .limit(limit)
          .build();
    }

    @Override
    public boolean matches(int session, UserItem user) {
      String prefix = prefix(session);
      return user.created() >= WINDOW.from()
          && user.created() <= WINDOW.to()
          && (Canonicalizer.canonicalize(user.firstName()).startsWith(prefix)
              || Canonicalizer.canonicalize(user.lastName()).startsWith(prefix));
    }

    @Override
    public String describe() {
      return "name prefix over the firstName and lastName indexes, window "
          + day(WINDOW.from())
          + ".."
          + day(WINDOW.to())
          + ", prefixes "
          + String.join(", ", prefixes)
          + " in turn";
    }

    /** How many users each prefix finds, for the report. */
    public String describeMatches(List<UserItem> users) {
      return java.util.stream.IntStream.range(0, prefixes.size())
          .mapToObj(
              i -> {
                Predicate<UserItem> hit = u -> matches(i, u);
                return String.format(
                    Locale.ROOT, "%s %,d", prefixes.get(i), users.stream().filter(hit).count());
              })
          .collect(Collectors.joining(", "));
    }
  }

  /** The created index of the one unsharded partition ({@code user!}), from a month of 2023 on. */
  record CreatedSearch() implements SearchSide {
    @Override
    public String name() {
      return SINGLE;
    }

    public TimeWindow window(int session) {
      ZonedDateTime from =
          ZonedDateTime.ofInstant(SearchUserGenerator.YEAR_2023, ZoneOffset.UTC)
              .plusMonths(Math.floorMod(session, 12));
      return new TimeWindow(
          from.toInstant().toEpochMilli(), SearchUserGenerator.YEAR_2024.toEpochMilli() - 1);
    }

    @Override
    public SearchRequest request(int session, int limit) {
      return SearchRequest.builder("user")
          .index("created")
          .window(window(session))
          .limit(limit)
          .build();
    }

    @Override
    public boolean matches(int session, UserItem user) {
      TimeWindow window = window(session);
      return user.created() >= window.from() && user.created() <= window.to();
    }

    @Override
    public String describe() {
      return "the created index, window from the 1st of a month of 2023 (in turn) to "
          + day(SearchUserGenerator.YEAR_2024.toEpochMilli() - 1)
          + ": before the first shard bump, so one hash key";
    }
  }
}
