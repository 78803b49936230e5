package io.shardstream.ingest.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Realistic people from several locales, so that names carry accents, háčeks, spaces and hyphens
 * ({@code Gómez-Juárez}, {@code Čeněk Brucknerová}) and exercise canonicalization.
 *
 * <p>Each locale has its own Faker seeded from the generator's seed, and every choice made here
 * comes from the generator's random source, so the people depend on the seed alone. Phones are made
 * here rather than by Datafaker, whose phone provider needs libphonenumber: digits with a country
 * code, as the writer expects.
 */
final class PersonFaker {
  /** A locale, how often it is picked, and its phone country code and subscriber-number length. */
  private record Region(String tag, int weight, String countryCode, int digits) {}

  private static final List<Region> REGIONS =
      List.of(
          new Region("en-US", 6, "1", 10),
          new Region("es-MX", 3, "52", 10),
          new Region("fr-FR", 2, "33", 9),
          new Region("de-DE", 2, "49", 10),
          new Region("pt-BR", 2, "55", 11),
          new Region("pl-PL", 1, "48", 9),
          new Region("cs-CZ", 1, "420", 9));
  private static final int TOTAL_WEIGHT = REGIONS.stream().mapToInt(Region::weight).sum();

  private final long seed;
  private final Random random;
  private final Map<String, Faker> fakers = new HashMap<>();

  PersonFaker(long seed, Random random) {
    this.seed = seed;
    this.random = random;
  }

  Person next() {
    Region region = region();
    Faker faker = faker(region);
    String firstName = faker.name().firstName();
    if (random.nextDouble() < 0.06) {
      firstName = firstName + "-" + faker.name().firstName(); // Jean-Luc, Anne-Sophie
    }
    return new Person(
        firstName,
        lastName(region),
        region.tag(),
        random.nextDouble() < 0.8 ? phone(region) : null);
  }

  /** A new last name for someone of {@code locale} (marriage, correction). */
  String lastName(String locale) {
    return lastName(regionOf(locale));
  }

  String firstName(String locale) {
    return faker(regionOf(locale)).name().firstName();
  }

  /** A phone number for someone of {@code locale}: country code and subscriber digits. */
  String phone(String locale) {
    return phone(regionOf(locale));
  }

  /** The seeded Faker of {@code locale} (addresses, banks, companies in its language). */
  Faker faker(String locale) {
    return faker(regionOf(locale));
  }

  /** Any of the supported locales. */
  String locale() {
    return region().tag();
  }

  private String lastName(Region region) {
    Faker faker = faker(region);
    String lastName = faker.name().lastName();
    // Double-barrelled surnames, common in Spanish and Portuguese names.
    double doubleBarrelled =
        region.tag().startsWith("es") || region.tag().startsWith("pt") ? 0.2 : 0.05;
    if (random.nextDouble() < doubleBarrelled) {
      lastName = lastName + "-" + faker.name().lastName();
    }
    return lastName;
  }

  private String phone(Region region) {
    StringBuilder digits = new StringBuilder(region.countryCode());
    digits.append(1 + random.nextInt(9)); // no leading zero after the country code
    for (int i = 1; i < region.digits(); i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private Region region() {
    int pick = random.nextInt(TOTAL_WEIGHT);
    for (Region region : REGIONS) {
      pick -= region.weight();
      if (pick < 0) {
        return region;
      }
    }
    throw new AssertionError("weights add up to " + TOTAL_WEIGHT);
  }

  private static Region regionOf(String locale) {
    return REGIONS.stream()
        .filter(r -> r.tag().equals(locale))
        .findFirst()
        .orElse(REGIONS.getFirst());
  }

  /**
   * One Faker per locale, made on first use with its own seeded Random: independent of use order.
   */
  private Faker faker(Region region) {
    return fakers.computeIfAbsent(
        region.tag(),
        tag ->
            new Faker(
                Locale.forLanguageTag(tag),
                new Random(seed * 1_000_003L + REGIONS.indexOf(region))));
  }
}
