package io.shardstream.queryapi;

import io.shardstream.core.canonical.Canonicalizer;
import io.shardstream.core.query.RangeCondition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code name} search, compared in canonical form (accents, case and punctuation ignored: {@code
 * Gómez-Juárez} is {@code gomezjuarez}).
 *
 * <ul>
 *   <li>One word: items whose first name <em>or</em> last name begins with it (each index of
 *       canonical names, by its first element).
 *   <li>Several words: the first word is a whole first name and the rest begins the last name, or
 *       the first word is a whole last name and the rest begins the first name ({@code ada lov}
 *       finds Ada Lovelace, {@code lovelace a} too).
 * </ul>
 *
 * @param word the first word, canonical
 * @param rest the other words run together, canonical
 */
record NameQuery(String word, Optional<String> rest) {
  /**
   * @throws IllegalArgumentException when no letter or digit is left to search for
   */
  static NameQuery parse(String text) {
    List<String> words =
        Arrays.stream(text.trim().split("\\s+"))
            .map(Canonicalizer::canonicalize)
            .filter(w -> !w.isEmpty())
            .toList();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("has no letter or digit to search for");
    }
    String rest = String.join("", words.subList(1, words.size()));
    return new NameQuery(words.get(0), rest.isEmpty() ? Optional.empty() : Optional.of(rest));
  }

  /**
   * The condition on a name index whose range key is {@code elements} (canonical names first, e.g.
   * first, last, created): the word begins (or, with a rest, is) the first element, the rest begins
   * the second.
   */
  RangeCondition condition(List<String> elements) {
    return condition(elements.get(0), elements.size() > 1 ? elements.get(1) : null);
  }

  private RangeCondition condition(String leading, String following) {
    Map<String, Object> elements = new LinkedHashMap<>();
    elements.put(leading, word);
    if (following != null) {
      rest.ifPresent(r -> elements.put(following, r));
    }
    return new RangeCondition.Prefix(elements);
  }
}
