package io.shardstream.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MergeKeyTest {
  private static final IndexPlan FIRST =
      new IndexPlan(
          "firstName",
          0,
          "firstNameRangeKey",
          KeyType.S,
          "firstNameCanonical#",
          new KeyCondition.All());
  private static final IndexPlan LAST =
      new IndexPlan(
          "lastName",
          1,
          "lastNameRangeKey",
          KeyType.S,
          "lastNameCanonical#",
          new KeyCondition.All());
  private static final IndexPlan CREATED =
      new IndexPlan("created", 0, "created", KeyType.N, "", new KeyCondition.All());

  @Property(tries = 300)
  void stringsCompareAsUtf8Bytes(@ForAll String a, @ForAll String b) {
    int expected =
        Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    // Lone surrogates have no UTF-8 form (Java writes '?'); DynamoDB would refuse them anyway.
    if (wellFormed(a) && wellFormed(b)) {
      assertThat(Integer.signum(Values.compareUtf8(a, b))).isEqualTo(Integer.signum(expected));
    }
  }

  @Test
  void supplementaryCharactersSortAfterTheTopOfTheBmp() {
    String emoji = "\uD83D\uDE00"; // U+1F600, UTF-8 F0 9F 98 80
    String fullwidthA = "\uFF21"; // U+FF21, UTF-8 EF BC A1
    assertThat(emoji.compareTo(fullwidthA)).isNegative(); // UTF-16 order gets it wrong
    assertThat(Values.compareUtf8(emoji, fullwidthA)).isPositive();
  }

  @Test
  void nameIndexesInterleaveByTheMatchedValue() {
    MergeKey adaByFirst =
        MergeKey.of(
            FIRST,
            KeyValue.s("firstNameCanonical#ada|lastNameCanonical#zed|created#1"),
            "userId#1");
    MergeKey adbByLast =
        MergeKey.of(
            LAST, KeyValue.s("lastNameCanonical#adb|firstNameCanonical#bo|created#1"), "userId#2");
    MergeKey bobByFirst =
        MergeKey.of(
            FIRST, KeyValue.s("firstNameCanonical#bob|lastNameCanonical#a|created#1"), "userId#3");
    assertThat(adaByFirst).isLessThan(adbByLast);
    assertThat(adbByLast).isLessThan(bobByFirst);
    // The key delimiter '|' sorts after letters, so a whole name follows its longer extensions
    // (the reference's key format; DynamoDB orders the partition the same way).
    MergeKey adamsByLast =
        MergeKey.of(
            LAST,
            KeyValue.s("lastNameCanonical#adams|firstNameCanonical#bo|created#1"),
            "userId#4");
    assertThat(adamsByLast).isLessThan(adaByFirst);
  }

  @Test
  void tiesBreakByUniqueThenIndexOrder() {
    MergeKey a = MergeKey.of(CREATED, KeyValue.n(BigDecimal.TEN), "userId#a");
    MergeKey b = MergeKey.of(CREATED, KeyValue.n(new BigDecimal("10.000")), "userId#b");
    assertThat(a).isLessThan(b);
    assertThat(MergeKey.of(CREATED, KeyValue.n(BigDecimal.valueOf(9)), "userId#z")).isLessThan(a);
    MergeKey sameInFirst = MergeKey.of(FIRST, KeyValue.s("firstNameCanonical#x"), "userId#a");
    MergeKey sameInLast = MergeKey.of(LAST, KeyValue.s("lastNameCanonical#x"), "userId#a");
    assertThat(sameInFirst).isLessThan(sameInLast);
  }

  @Test
  void numbersCompareNumericallyNotAsText() {
    assertThat(MergeKey.of(CREATED, KeyValue.n(BigDecimal.valueOf(9)), "u"))
        .isLessThan(MergeKey.of(CREATED, KeyValue.n(BigDecimal.valueOf(10)), "u"));
    assertThat(MergeKey.of(CREATED, KeyValue.n(BigDecimal.valueOf(-10)), "u"))
        .isLessThan(MergeKey.of(CREATED, KeyValue.n(BigDecimal.valueOf(-9)), "u"));
    assertThat(KeyValue.n(new BigDecimal("1.500")).text()).isEqualTo("1.5");
    assertThat(KeyValue.n(new BigDecimal("1E+3")).text()).isEqualTo("1000");
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
