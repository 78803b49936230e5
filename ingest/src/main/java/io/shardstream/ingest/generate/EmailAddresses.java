package io.shardstream.ingest.generate;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Plausible, unique email addresses made from a person's name: ASCII local parts in the usual
 * styles ({@code ada.lovelace}, {@code alovelace87}), domains common in the person's country.
 */
final class EmailAddresses {
  private static final List<String> GLOBAL_DOMAINS =
      List.of("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me");
  private static final Map<String, List<String>> LOCAL_DOMAINS =
      Map.of(
          "es-MX", List.of("hotmail.com.mx", "prodigy.net.mx"),
          "fr-FR", List.of("orange.fr", "free.fr", "laposte.net"),
          "de-DE", List.of("gmx.de", "web.de", "t-online.de"),
          "pt-BR", List.of("uol.com.br", "bol.com.br"),
          "pl-PL", List.of("wp.pl", "onet.pl"),
          "cs-CZ", List.of("seznam.cz", "centrum.cz"));
  private static final List<String> WORK_DOMAINS =
      List.of("acme-rewards.com", "example.org", "northwind.io", "contoso.net");

  private final Random random;
  private final Set<String> taken = new HashSet<>();

  EmailAddresses(Random random) {
    this.random = random;
  }

  /**
   * A new address for {@code person}; the {@code n}-th address of a person (from 0) is more often a
   * work one.
   */
  String next(Person person, int n) {
    String first = ascii(person.firstName());
    String last = ascii(person.lastName());
    String local =
        switch (random.nextInt(5)) {
          case 0 -> first + "." + last;
          case 1 -> first + last;
          case 2 -> first.charAt(0) + last;
          case 3 -> first + "_" + last + (10 + random.nextInt(90));
          default -> last + "." + first;
        };
    String domain = domain(person.locale(), n);
    String address = local + "@" + domain;
    for (int suffix = 2; !taken.add(address); suffix++) {
      address = local + suffix + "@" + domain;
    }
    return address;
  }

  private String domain(String locale, int n) {
    if (n > 0 && random.nextDouble() < 0.6) {
      return WORK_DOMAINS.get(random.nextInt(WORK_DOMAINS.size()));
    }
    List<String> local = LOCAL_DOMAINS.get(locale);
    if (local != null && random.nextBoolean()) {
      return local.get(random.nextInt(local.size()));
    }
    return GLOBAL_DOMAINS.get(random.nextInt(GLOBAL_DOMAINS.size()));
  }

  /** Gómez-Juárez → gomezjuarez, Łukasz → lukasz: lower-case ASCII letters and digits only. */
  static String ascii(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String folded =
        decomposed
            .toLowerCase(Locale.ROOT)
            .replace("ł", "l")
            .replace("ø", "o")
            .replace("ß", "ss")
            .replace("æ", "ae")
            .replace("đ", "d");
    String letters = folded.replaceAll("[^a-z0-9]", "");
    return letters.isEmpty() ? "user" : letters;
  }
}
