package io.shardstream.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The loop-based {@link Canonicalizer} gives exactly what the original definition (three regular
 * expression passes) gives, for any text: ASCII, names with accents and punctuation, any code point
 * (marks, surrogate pairs, lone surrogates, special casing).
 */
class CanonicalizerProperties {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

  /** The definition, as first written. */
  static String definition(String value) {
    String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
    String lower = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(MARKS.matcher(lower).replaceAll("")).replaceAll("");
  }

  @Property(tries = 3000)
  void sameAsTheDefinition(@ForAll("texts") String text) {
    assertThat(Canonicalizer.canonicalize(text)).isEqualTo(definition(text));
  }

  @Property(tries = 1000)
  void holdsOnlyCharactersAtOrAboveTheLeastOne(@ForAll("texts") String text) {
    assertThat(Canonicalizer.canonicalize(text).chars())
        .allMatch(c -> c >= Canonicalizer.LEAST_CHARACTER);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(12),
        Arbitraries.strings()
            .withChars("aAzZ09_ -'.,|éÉñÑßİıΣσς\u0301\u0307ﬁＡ中😀\u200d\u2163")
            .ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(8),
        Arbitraries.strings().withCharRange('\u0000', '\u03ff').ofMaxLength(12),
        Arbitraries.of(
            "Gómez-Juárez-Álvarez", "O'Brien", "ÓDÓNNELL", "İpek", "ΟΔΥΣΣΕΥΣ", "ǅemal", "Ⅻ"));
  }
}
