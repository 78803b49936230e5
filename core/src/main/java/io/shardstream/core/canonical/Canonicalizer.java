package io.shardstream.core.canonical;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Search-friendly form of a name: {@code Gómez-Juárez-Álvarez} becomes {@code gomezjuarezalvarez}.
 *
 * <p>NFKD splits accented letters into base letter + combining mark and folds compatibility forms
 * (ligatures, full-width letters); the marks are dropped; lower-casing uses the root locale so a
 * Turkish default locale cannot turn {@code I} into a dotless {@code ı}; what is left that is not a
 * Unicode word character (letter, digit, connector such as {@code _}) is dropped.
 */
public final class Canonicalizer {
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

  private Canonicalizer() {}

  public static String canonicalize(String value) {
    String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
    String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("");
    String lower = unmarked.toLowerCase(Locale.ROOT);
    // Lower-casing can produce new combining marks (e.g. U+0130 → i + U+0307): strip again.
    String lowerUnmarked = COMBINING_MARKS.matcher(lower).replaceAll("");
    return NON_WORD.matcher(lowerUnmarked).replaceAll("");
  }
}
