package io.shardstream.core.query;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.testing.SeedUsers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Name order under the shipped configuration is natural: {@code sort=name} (the lastName index) is
 * by canonical last name, then canonical first name, each compared as text, a name before every
 * longer name it begins (Lee before Leeds, Ana before Anabel, Mart before Martin before Martínez);
 * ties by created, then userId. A name search is by the name it matched, the same way. Names are
 * built from pieces that are prefixes of each other, with accents, digits, {@code _} and
 * punctuation, written with the shipped config's keys and paged through cursor by cursor over
 * sharded partitions.
 */
class NaturalOrderProperties {
  /** Pieces of names: prefixes of each other, accents, case, digits, {@code _}, punctuation. */
  private static final List<String> PIECES =
      List.of(
          "a",
          "an",
          "Ana",
          "ÁNA",
          "anabel",
          "lee",
          "Lee",
          "leeds",
          "mart",
          "Martin",
          "Martínez",
          "smith",
          "Smithe",
          "_",
          "2",
          "10",
          "o'",
          "-",
          "z",
          "é",
          "ñ",
          "ss",
          "ß");

  /** Prefixes searched for: some match many, some few, some match only a whole name. */
  private static final List<String> WORDS =
      List.of("a", "an", "ana", "lee", "leeds", "mart", "martin", "smith", "2", "_", "z");

  /** Few instants across the bumps: one partition, then 4, then 16, and ties in created. */
  private static final List<Long> INSTANTS = List.of(START, BUMP_4 + 7, BUMP_16, BUMP_16 + 9);

  private record Person(String id, String first, String last, long created) {}

  /** (canonical last, canonical first, created, userId): each text by code point, as UTF-8. */
  private static final Comparator<Person> BY_LAST_FIRST =
      Comparator.comparing((Person p) -> Canonicalizer.canonicalize(p.last()), Values::compareUtf8)
          .thenComparing(p -> Canonicalizer.canonicalize(p.first()), Values::compareUtf8)
          .thenComparingLong(Person::created)
          .thenComparing(Person::id, Values::compareUtf8);

  @Property(tries = 300)
  void sortByNameIsLastThenFirstNameNaturally(
      @ForAll("people") List<Person> people,
      @ForAll("limits") List<Integer> limits,
      @ForAll SortOrder order) {
    List<Map<String, Object>> users = keyed(people);
    SearchRequest request = SearchRequest.builder("user").index("lastName").order(order).build();

    List<Object> expected = ids(sorted(people, BY_LAST_FIRST, order));
    assertThat(pagedIds(users, request, limits)).containsExactlyElementsOf(expected);
  }

  /** With one created for all, the order is exactly (canonical last, canonical first, userId). */
  @Property(tries = 200)
  void tiesOnNamesAreByUserId(
      @ForAll("people") List<Person> people, @ForAll("limits") List<Integer> limits) {
    List<Person> sameTime =
        people.stream().map(p -> new Person(p.id(), p.first(), p.last(), BUMP_16)).toList();
    SearchRequest request = SearchRequest.builder("user").index("lastName").build();

    Comparator<Person> lastFirstId =
        Comparator.comparing(
                (Person p) -> Canonicalizer.canonicalize(p.last()), Values::compareUtf8)
            .thenComparing(p -> Canonicalizer.canonicalize(p.first()), Values::compareUtf8)
            .thenComparing(Person::id, Values::compareUtf8);
    assertThat(pagedIds(keyed(sameTime), request, limits))
        .containsExactlyElementsOf(ids(sorted(sameTime, lastFirstId, SortOrder.ASC)));
  }

  /**
   * {@code name=word}: users whose first or last name begins with it, each once, by the name it
   * matched (naturally), users matched by last name before those matched by first name on the same
   * name, then the other name, created and userId.
   */
  @Property(tries = 300)
  void nameSearchIsByTheMatchedNameNaturally(
      @ForAll("people") List<Person> people,
      @ForAll("words") String word,
      @ForAll("limits") List<Integer> limits,
      @ForAll SortOrder order) {
    List<Map<String, Object>> users = keyed(people);
    SearchRequest request = Users.nameSearch(word).order(order).build();

    List<Object[]> hits = new ArrayList<>();
    for (Person person : people) {
      String first = Canonicalizer.canonicalize(person.first());
      String last = Canonicalizer.canonicalize(person.last());
      // {matched, 0 = by last name / 1 = by first name, other, person}; the smaller hit wins.
      Object[] byLast = last.startsWith(word) ? new Object[] {last, 0, first, person} : null;
      Object[] byFirst = first.startsWith(word) ? new Object[] {first, 1, last, person} : null;
      Object[] best = byLast == null ? byFirst : byLast;
      if (byLast != null && byFirst != null && MATCHED.compare(byFirst, byLast) < 0) {
        best = byFirst;
      }
      if (best != null) {
        hits.add(best);
      }
    }
    hits.sort(order == SortOrder.ASC ? MATCHED : MATCHED.reversed());
    List<Object> expected = hits.stream().map(h -> (Object) ((Person) h[3]).id()).toList();
    assertThat(pagedIds(users, request, limits)).containsExactlyElementsOf(expected);
  }

  private static final Comparator<Object[]> MATCHED =
      Comparator.comparing((Object[] h) -> (String) h[0], Values::compareUtf8)
          .thenComparingInt(h -> (Integer) h[1])
          .thenComparing(h -> (String) h[2], Values::compareUtf8)
          .thenComparingLong(h -> ((Person) h[3]).created())
          .thenComparing(h -> ((Person) h[3]).id(), Values::compareUtf8);

  @Provide
  Arbitrary<List<Person>> people() {
    Arbitrary<String> names =
        Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
    Arbitrary<Long> created = Arbitraries.of(INSTANTS);
    return Combinators.combine(names, names, created)
        .as((first, last, at) -> new Object[] {first, last, at})
        .list()
        .ofMaxSize(80)
        .map(
            specs -> {
              List<Person> people = new ArrayList<>();
              for (int i = 0; i < specs.size(); i++) {
                Object[] s = specs.get(i);
                people.add(new Person("u" + i, (String) s[0], (String) s[1], (Long) s[2]));
              }
              return people;
            });
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.of(WORDS);
  }

  @Provide
  Arbitrary<List<Integer>> limits() {
    return Arbitraries.integers().between(1, 25).list().ofMinSize(1).ofMaxSize(3);
  }

  private static List<Map<String, Object>> keyed(List<Person> people) {
    return people.stream()
        .map(p -> SeedUsers.user(p.id(), "b1", p.first(), p.last(), null, p.created(), p.created()))
        .toList();
  }

  private static List<Object> pagedIds(
      List<Map<String, Object>> users, SearchRequest request, List<Integer> limits) {
    Searcher searcher =
        new Searcher(
            SeedUsers.MANAGER,
            new InMemoryPartitionReader(SeedUsers.CONFIG, users),
            new CursorCodec(Users.KEY));
    return Users.allPages(searcher, request, limits, users.size() + 1).stream()
        .flatMap(page -> Users.ids(page.items()).stream())
        .toList();
  }

  private static List<Person> sorted(
      List<Person> people, Comparator<Person> order, SortOrder direction) {
    List<Person> sorted = new ArrayList<>(people);
    sorted.sort(direction == SortOrder.ASC ? order : order.reversed());
    return sorted;
  }

  private static List<Object> ids(List<Person> people) {
    return people.stream().map(p -> (Object) p.id()).toList();
  }
}
