package io.shardstream.core.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TranscodeTest {
  private static final Transcode INT = Transcodes.require("int");
  private static final Transcode TIMESTAMP = Transcodes.require("timestamp");
  private static final Transcode FIX6 = Transcodes.require("fix6");
  private static final Transcode BIGINT = Transcodes.require("bigint");
  private static final Transcode BOOLEAN = Transcodes.require("boolean");

  @Test
  void nonNegativeValuesKeepEntityManagerFormat() {
    assertThat(INT.encode(5)).isEqualTo("p0000000000000005");
    assertThat(TIMESTAMP.encode(1735440809726L)).isEqualTo("1735440809726");
    assertThat(TIMESTAMP.encode(86_400_000L)).isEqualTo("0000086400000");
    assertThat(FIX6.encode(new BigDecimal("12.5"))).isEqualTo("p0000000012.500000");
    assertThat(BOOLEAN.encode(true)).isEqualTo("t");
    assertThat(Transcodes.require("bigint20").encode(BigInteger.TEN))
        .isEqualTo("p00000000000000000010");
  }

  @Test
  void negativesUseTheComplementSoTheySortBelowSmallerMagnitudes() {
    // Entity Manager writes -5 as n0000000000000005, which sorts above -4 (n...4).
    assertThat(INT.encode(-5)).isEqualTo("n9999999999999995");
    assertThat(INT.encode(-5)).isLessThan(INT.encode(-4));
    assertThat(INT.encode(-1)).isLessThan(INT.encode(0));
    assertThat(TIMESTAMP.encode(-1L)).isEqualTo("-9999999999999").isLessThan(TIMESTAMP.encode(0));
    assertThat(FIX6.encode(new BigDecimal("-0.5"))).isEqualTo("n9999999999.500000");
    assertThat(BIGINT.encode(-10)).isLessThan(BIGINT.encode(-9));
    assertThat(BIGINT.encode(9)).isLessThan(BIGINT.encode(10));
  }

  @Test
  void acceptsTheNumberTypesJsonParsersProduce() {
    assertThat(INT.encode(5))
        .isEqualTo(INT.encode(5L))
        .isEqualTo(INT.encode(BigInteger.valueOf(5)))
        .isEqualTo(INT.encode(5.0))
        .isEqualTo(INT.encode(new BigDecimal("5.000")));
    assertThat(FIX6.encode(0.1)).isEqualTo("p0000000000.100000");
  }

  @Test
  void rejectsWrongTypesAndOutOfRangeValuesWithAClearMessage() {
    assertThatThrownBy(() -> INT.encode("5"))
        .hasMessage("int value must be a number, got String 5");
    assertThatThrownBy(() -> INT.encode(1.5)).hasMessageContaining("whole number");
    assertThatThrownBy(() -> INT.encode(10_000_000_000_000_000L))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> FIX6.encode(new BigDecimal("1.0000001")))
        .hasMessageContaining("more than 6 decimal places");
    assertThatThrownBy(() -> TIMESTAMP.encode(true)).isInstanceOf(TranscodeException.class);
    assertThatThrownBy(() -> Transcodes.require("string").encode(5))
        .hasMessageContaining("must be a string");
  }

  @Test
  void rejectsMalformedEncodings() {
    assertThatThrownBy(() -> INT.decode("p12")).hasMessage("invalid encoded int 'p12'");
    assertThatThrownBy(() -> INT.decode("x0000000000000005"))
        .isInstanceOf(TranscodeException.class);
    assertThatThrownBy(() -> TIMESTAMP.decode("17354408097ab"))
        .isInstanceOf(TranscodeException.class);
    assertThatThrownBy(() -> FIX6.decode("p00000000001234567"))
        .isInstanceOf(TranscodeException.class);
    assertThatThrownBy(() -> BIGINT.decode("p0003")).isInstanceOf(TranscodeException.class);
    assertThatThrownBy(() -> BIGINT.decode("p000312")).isInstanceOf(TranscodeException.class);
    assertThatThrownBy(() -> BOOLEAN.decode("true")).isInstanceOf(TranscodeException.class);
  }

  @Test
  void knowsEntityManagersTranscodeNames() {
    assertThat(Transcodes.names())
        .contains("string", "timestamp", "int", "bigint", "bigint20", "fix6", "boolean", "number");
  }
}
