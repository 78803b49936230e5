package io.shardstream.ingest.generate;

import io.shardstream.schemas.avro.User;
import java.time.Instant;
import java.util.Random;

/** What changes about a user between versions: phone, beneficiary, names, locale. */
final class UserUpdates {
  private final Random random;
  private final PersonFaker people;
  private final Population population;

  UserUpdates(Random random, PersonFaker people, Population population) {
    this.random = random;
    this.people = people;
    this.population = population;
  }

  /** The next state of {@code current}, changed at {@code updated}. */
  User next(User current, Instant updated) {
    String locale = current.getLocale() != null ? current.getLocale() : "en-US";
    User.Builder next = User.newBuilder(current).setUpdated(updated);
    switch (random.nextInt(10)) {
      case 0, 1, 2 ->
          next.setPhone(
              current.getPhone() != null && random.nextDouble() < 0.25
                  ? null
                  : people.phone(locale));
      case 3, 4 -> next.setBeneficiaryId(population.beneficiary());
      case 5, 6 -> {
        String lastName = people.lastName(locale);
        // Married names: sometimes both, hyphenated.
        boolean keepBoth = random.nextBoolean() && !current.getLastName().contains("-");
        next.setLastName(keepBoth ? current.getLastName() + "-" + lastName : lastName);
      }
      case 7 -> next.setFirstName(people.firstName(locale));
      case 8 -> next.setLocale(random.nextDouble() < 0.2 ? null : people.locale());
      default -> {} // a save that changed nothing the table shows but `updated`
    }
    return next.build();
  }
}
