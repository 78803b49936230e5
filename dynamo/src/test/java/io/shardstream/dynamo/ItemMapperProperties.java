package io.shardstream.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Numbers survive the trip to attribute values and back with their exact value. */
class ItemMapperProperties {

  @Property
  void longsComeBackAsTheSameLong(@ForAll long value) {
    assertThat(roundTrip(value)).isEqualTo(value);
  }

  @Property
  void bigIntegersComeBackEqual(@ForAll("bigIntegers") BigInteger value) {
    assertThat(new BigDecimal(roundTrip(value).toString()))
        .isEqualByComparingTo(new BigDecimal(value));
  }

  @Property
  void decimalsComeBackWithTheSameValue(@ForAll("decimals") BigDecimal value) {
    Number back = roundTrip(value);
    assertThat(new BigDecimal(back.toString())).isEqualByComparingTo(value);
  }

  @Property
  void doublesComeBackAsTheSameDouble(@ForAll double value) {
    if (Double.isNaN(value)
        || Double.isInfinite(value)
        || value != 0 && (Math.abs(value) < 1e-130 || Math.abs(value) >= 1e126)) {
      return;
    }
    assertThat(roundTrip(value).doubleValue()).isEqualTo(value == 0 ? 0.0 : value);
  }

  @Provide
  Arbitrary<BigInteger> bigIntegers() {
    return Arbitraries.bigIntegers()
        .between(
            BigInteger.TEN.pow(38).negate().add(BigInteger.ONE),
            BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
        .flatMap(
            unscaled ->
                Arbitraries.integers()
                    .between(-80, 80)
                    .map(scale -> new BigDecimal(unscaled, scale)));
  }

  private static Number roundTrip(Number value) {
    return (Number) ItemMapper.fromAttributes(ItemMapper.toAttributes(Map.of("n", value))).get("n");
  }
}
