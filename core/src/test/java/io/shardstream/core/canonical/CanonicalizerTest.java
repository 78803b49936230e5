package io.shardstream.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {
  @Test
  void stripsAccentsCaseAndPunctuation() {
    assertThat(Canonicalizer.canonicalize("Gómez-Juárez-Álvarez")).isEqualTo("gomezjuarezalvarez");
    assertThat(Canonicalizer.canonicalize("O'Brien Smith")).isEqualTo("obriensmith");
    assertThat(Canonicalizer.canonicalize("François")).isEqualTo("francois");
  }

  @Test
  void foldsCompatibilityFormsAndKeepsWordCharacters() {
    assertThat(Canonicalizer.canonicalize("ﬁnn")).isEqualTo("finn");
    assertThat(Canonicalizer.canonicalize("ＡＢＣ")).isEqualTo("abc");
    assertThat(Canonicalizer.canonicalize("u_qofzyg8")).isEqualTo("u_qofzyg8");
    assertThat(Canonicalizer.canonicalize("Ωmega 中村")).isEqualTo("ωmega中村");
  }

  @Test
  void doesNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(Canonicalizer.canonicalize("IRIS İpek")).isEqualTo("irisipek");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
