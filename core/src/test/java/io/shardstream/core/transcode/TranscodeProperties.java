package io.shardstream.core.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Every transcode round-trips and preserves order: {@code compare(encode(a), encode(b))} has the
 * sign of {@code compare(a, b)}, negatives included (Entity Manager sorts negatives in reverse).
 */
class TranscodeProperties {
  private static final Transcode INT = Transcodes.require("int");
  private static final Transcode BIGINT = Transcodes.require("bigint");
  private static final Transcode BIGINT20 = Transcodes.require("bigint20");
  private static final Transcode FIX6 = Transcodes.require("fix6");
  private static final Transcode TIMESTAMP = Transcodes.require("timestamp");
  private static final Transcode NUMBER = Transcodes.require("number");
  private static final Transcode BOOLEAN = Transcodes.require("boolean");
  private static final Transcode STRING = Transcodes.require("string");

  @Property
  void intsSortAndRoundTrip(
      @ForAll @LongRange(min = -9_999_999_999_999_999L, max = 9_999_999_999_999_999L) long a,
      @ForAll @LongRange(min = -9_999_999_999_999_999L, max = 9_999_999_999_999_999L) long b) {
    assertSortsLike(INT.encode(a), INT.encode(b), Long.compare(a, b));
    assertThat(INT.decode(INT.encode(a))).isEqualTo(a);
  }

  @Property
  void smallIntsNearZeroSort(
      @ForAll @LongRange(min = -1000, max = 1000) long a,
      @ForAll @LongRange(min = -1000, max = 1000) long b) {
    assertSortsLike(INT.encode(a), INT.encode(b), Long.compare(a, b));
  }

  @Property
  void timestampsSortAndRoundTrip(
      @ForAll @LongRange(min = -9_999_999_999_999L, max = 9_999_999_999_999L) long a,
      @ForAll @LongRange(min = -9_999_999_999_999L, max = 9_999_999_999_999L) long b) {
    assertSortsLike(TIMESTAMP.encode(a), TIMESTAMP.encode(b), Long.compare(a, b));
    assertThat(TIMESTAMP.decode(TIMESTAMP.encode(a))).isEqualTo(a);
  }

  @Property
  void bigIntsSortAndRoundTrip(
      @ForAll("bigIntegers") BigInteger a, @ForAll("bigIntegers") BigInteger b) {
    assertSortsLike(BIGINT.encode(a), BIGINT.encode(b), a.compareTo(b));
    assertThat(BIGINT.decode(BIGINT.encode(a))).isEqualTo(a);
  }

  @Property
  void bigInt20sSortAndRoundTrip(
      @ForAll @BigRange(min = "-99999999999999999999", max = "99999999999999999999") BigInteger a,
      @ForAll @BigRange(min = "-99999999999999999999", max = "99999999999999999999") BigInteger b) {
    assertSortsLike(BIGINT20.encode(a), BIGINT20.encode(b), a.compareTo(b));
    assertThat(BIGINT20.decode(BIGINT20.encode(a))).isEqualTo(a);
  }

  @Property
  void fix6DecimalsSortAndRoundTrip(
      @ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
    assertSortsLike(FIX6.encode(a), FIX6.encode(b), a.compareTo(b));
    assertThat((BigDecimal) FIX6.decode(FIX6.encode(a))).isEqualByComparingTo(a);
  }

  @Property
  void numbersSortAndRoundTrip(@ForAll("doubles") double a, @ForAll("doubles") double b) {
    assertSortsLike(NUMBER.encode(a), NUMBER.encode(b), Double.compare(a + 0.0, b + 0.0));
    assertThat((Double) NUMBER.decode(NUMBER.encode(a))).isEqualTo(a + 0.0);
  }

  @Property
  void booleansSortAndRoundTrip(@ForAll boolean a, @ForAll boolean b) {
    assertSortsLike(BOOLEAN.encode(a), BOOLEAN.encode(b), Boolean.compare(a, b));
    assertThat(BOOLEAN.decode(BOOLEAN.encode(a))).isEqualTo(a);
  }

  @Property
  void stringsRoundTrip(@ForAll String a) {
    assertThat(STRING.decode(STRING.encode(a))).isEqualTo(a);
  }

  @Property
  void encodingsNeverContainDefaultDelimiters(@ForAll long a, @ForAll("decimals") BigDecimal d) {
    long bounded = a % 1_000_000_000_000_000L;
    for (String encoded :
        new String[] {
          INT.encode(bounded),
          BIGINT.encode(a),
          FIX6.encode(d),
          NUMBER.encode((double) a),
          TIMESTAMP.encode(bounded % 1_000_000_000_000L)
        }) {
      assertThat(encoded).doesNotContain("|", ",", "#", "!");
    }
  }

  @Provide
  Arbitrary<BigInteger> bigIntegers() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
        Arbitraries.strings()
            .numeric()
            .ofMinLength(1)
            .ofMaxLength(60)
            .map(BigInteger::new)
            .flatMap(v -> Arbitraries.of(v, v.negate())));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("-9999999999.999999"), new BigDecimal("9999999999.999999"))
        .ofScale(6)
        .edgeCases(e -> e.add(new BigDecimal("-0.000001")).add(BigDecimal.ZERO));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.doubles()
        .withSpecialValue(-0.0)
        .withSpecialValue(Double.MIN_VALUE)
        .withSpecialValue(-Double.MAX_VALUE)
        .withSpecialValue(Double.MAX_VALUE)
        .filter(Double::isFinite);
  }

  private static void assertSortsLike(String encodedA, String encodedB, int expected) {
    assertThat(Integer.signum(encodedA.compareTo(encodedB)))
        .as("compare('%s', '%s')", encodedA, encodedB)
        .isEqualTo(Integer.signum(expected));
  }
}
