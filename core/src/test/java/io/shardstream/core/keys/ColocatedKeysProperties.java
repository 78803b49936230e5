package io.shardstream.core.keys;

import static io.shardstream.core.keys.ColocatedKeysTest.CHILDREN;
import static io.shardstream.core.keys.ColocatedKeysTest.child;
import static io.shardstream.core.keys.ColocatedKeysTest.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.EntityDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every child's key sorts inside its person's {@link ChildRange} and is kept by it; no other
 * person's item nor child is kept, even when ids are prefixes of each other ({@code p-1}, {@code
 * p-10}) or hold characters that sort below the key delimiter ({@code p-1#x}, {@code p-1+}).
 */
class ColocatedKeysProperties {
  private final EntityManager manager = new EntityManager(ColocatedKeysTest.CONFIG);

  record Person(String id, long createdAt, List<String> childIds) {}

  @Property(tries = 500)
  void childrenSortInsideTheirParentsRangeAndNoOneElsesItemIsKept(
      @ForAll("people") Person mine, @ForAll("people") Person other) {
    if (mine.id().equals(other.id())) {
      return;
    }
    ChildRange range = manager.childRange("person", mine.id());
    String myHashKey = manager.primaryKey("person", person(mine.id(), mine.createdAt())).hashKey();

    for (Map<String, Object> item : items(mine)) {
      String rangeKey = (String) item.get("rangeKey");
      assertThat(item.get("hashKey")).isEqualTo(myHashKey);
      assertThat(range.contains(rangeKey)).as(rangeKey).isTrue();
      assertThat(utf8(range.from()).compareTo(utf8(rangeKey))).as(rangeKey).isLessThanOrEqualTo(0);
      assertThat(utf8(rangeKey).compareTo(utf8(range.to()))).as(rangeKey).isLessThan(0);
    }
    for (Map<String, Object> item : items(other)) {
      assertThat(range.contains((String) item.get("rangeKey"))).as(item.toString()).isFalse();
    }
  }

  @Property(tries = 200)
  void everyItemIsRecognisedByItsKeys(@ForAll("people") Person someone) {
    for (Map<String, Object> item : items(someone)) {
      assertThat(manager.entityOf(item))
          .map(EntityDefinition::token)
          .contains((String) item.get("kind"));
    }
  }

  /** The person and one child of every kind per child id, keyed. */
  private List<Map<String, Object>> items(Person p) {
    Map<String, Object> parent = person(p.id(), p.createdAt());
    parent.put("kind", "person");
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    items.add(manager.addKeys("person", parent));
    for (String childId : p.childIds()) {
      for (String token : CHILDREN) {
        items.add(manager.addKeys(token, child(token, childId, p.id(), p.createdAt())));
      }
    }
    return items;
  }

  @Provide
  Arbitrary<Person> people() {
    // Short ids over a small alphabet (with characters below and above ',' and the value
    // delimiter '#'), so prefixes and near-collisions are common.
    Arbitrary<String> ids =
        Arbitraries.strings().withChars("p-1#+0 é").ofMinLength(1).ofMaxLength(4);
    Arbitrary<Long> createdAt =
        Arbitraries.of(
            ColocatedKeysTest.IN_2023, ColocatedKeysTest.IN_2024, ColocatedKeysTest.IN_2025);
    return Combinators.combine(ids, createdAt, ids.list().ofMaxSize(3)).as(Person::new);
  }

  /** DynamoDB orders range keys by their UTF-8 bytes. */
  private static Utf8Key utf8(String key) {
    return new Utf8Key(key.getBytes(StandardCharsets.UTF_8));
  }

  private record Utf8Key(byte[] bytes) implements Comparable<Utf8Key> {
    @Override
    public int compareTo(Utf8Key other) {
      return Arrays.compareUnsigned(bytes, other.bytes);
    }
  }
}
