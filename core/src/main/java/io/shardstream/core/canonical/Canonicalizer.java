package io.shardstream.core.canonical;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Search-friendly form of a name: {@code Gómez-Juárez-Álvarez} becomes {@code gomezjuarezalvarez}.
 *
 * <p>NFKD splits accented letters into base letter + combining mark and folds compatibility forms
 * (ligatures, full-width letters); the marks are dropped; lower-casing uses the root locale so a
 * Turkish default locale cannot turn {@code I} into a dotless {@code ı}; what is left that is not a
 * Unicode word character (letter, digit, connector such as {@code _}) is dropped.
 *
 * <p>So a canonical value holds only word characters, the least of which is {@link
 * #LEAST_CHARACTER} ({@code '0'}): a key delimiter below it sorts a name before every longer name
 * it begins.
 *
 * <p>Written as loops rather than regular expressions: it runs for every name of every item the
 * writer keys. Names in Latin scripts (most) take one pass over a table, without normalizing.
 */
public final class Canonicalizer {
  /**
   * The least character a canonical value can hold: below it are only ASCII controls, space and
   * punctuation, all dropped; every non-ASCII character is above it in UTF-8 byte order too.
   */
  public static final char LEAST_CHARACTER = '0';

  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  /**
   * Below U+0370 (Latin, IPA, spacing modifiers, combining diacriticals) the rule maps each char on
   * its own: NFKD decomposes char by char (its reordering only moves marks, which are dropped) and
   * root-locale lower-casing is context-free there (its one context rule, the final sigma, is
   * Greek). So each such char's canonical form is computed once, here, with the full rule.
   */
  private static final String[] BY_CHAR = new String[0x370];

  static {
    for (char c = 0; c < BY_CHAR.length; c++) {
      BY_CHAR[c] = canonicalizeUnicode(String.valueOf(c));
    }
  }

  private Canonicalizer() {}

  public static String canonicalize(String value) {
    int length = value.length();
    StringBuilder out = null;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (isAsciiLowerWord(c)) {
        if (out != null) {
          out.append(c);
        }
      } else if (c < BY_CHAR.length) {
        if (out == null) {
          out = new StringBuilder(length).append(value, 0, i);
        }
        out.append(BY_CHAR[c]);
      } else {
        return canonicalizeUnicode(value);
      }
    }
    return out == null ? value : out.toString();
  }

  /** Whether {@code c} is a word character that canonicalizing keeps as it is. */
  private static boolean isAsciiLowerWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * The full rule: NFKD, marks dropped, lower case (root locale, whole-string rules such as a final
   * sigma), then marks lower-casing produced (U+0130 → i + U+0307) and non-word characters dropped.
   */
  private static String canonicalizeUnicode(String value) {
    String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
    String lower = withoutMarks(decomposed).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (!isMark(cp) && isWord(cp)) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static String withoutMarks(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isMark(cp)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.append(text, i, next);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  /** {@code \p{M}}: a combining mark. */
  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /**
   * {@code \w} with {@code UNICODE_CHARACTER_CLASS} (marks aside, dropped before): alphabetic,
   * decimal digit, connector punctuation, or a join control.
   */
  private static boolean isWord(int cp) {
    return Character.isAlphabetic(cp)
        || Character.isDigit(cp)
        || Character.getType(cp) == Character.CONNECTOR_PUNCTUATION
        || cp == ZERO_WIDTH_NON_JOINER
        || cp == ZERO_WIDTH_JOINER;
  }
}
