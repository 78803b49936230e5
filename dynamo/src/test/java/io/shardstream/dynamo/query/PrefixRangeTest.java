package io.shardstream.dynamo.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PrefixRangeTest {
  private static final String MAX = Character.toString(Character.MAX_CODE_POINT);

  @Test
  void incrementsTheLastCodePoint() {
    assertThat(PrefixRange.upperBound("lastName#gom")).contains("lastName#gon");
    assertThat(PrefixRange.upperBound("a\uD7FF")).contains("a\uE000");
    assertThat(PrefixRange.upperBound("a" + MAX + MAX)).contains("b");
    assertThat(PrefixRange.upperBound("\uD83D\uDE00")).contains("\uD83D\uDE01");
  }

  @Test
  void hasNoBoundWhenEveryCodePointIsTheLast() {
    assertThat(PrefixRange.upperBound("")).isEmpty();
    assertThat(PrefixRange.upperBound(MAX + MAX)).isEmpty();
  }

  /**
   * In DynamoDB's order (UTF-8 bytes), a string is in [prefix, bound] exactly when it has the
   * prefix, or is the bound itself.
   */
  @Property(tries = 2000)
  void theRangeHoldsExactlyTheStringsWithThePrefixAndTheBound(
      @ForAll @StringLength(max = 4) String prefix, @ForAll @StringLength(max = 6) String other) {
    if (!wellFormed(prefix) || !wellFormed(other)) {
      return;
    }
    Optional<String> bound = PrefixRange.upperBound(prefix);
    if (bound.isEmpty()) {
      return;
    }
    for (String candidate : new String[] {other, prefix + other}) {
      boolean inRange =
          compareUtf8(candidate, prefix) >= 0 && compareUtf8(candidate, bound.get()) <= 0;
      assertThat(inRange)
          .as("%s in [%s, %s]", candidate, prefix, bound.get())
          .isEqualTo(candidate.startsWith(prefix) || candidate.equals(bound.get()));
    }
  }

  private static boolean wellFormed(String s) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(s);
  }

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
