package io.shardstream.bench.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserItemGeneratorTest {
  private static final long FIRST_BUMP = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final long SECOND_BUMP = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
  private final List<UserItem> users = new UserItemGenerator(42).generate(2_000);

  @Test
  void sameSeedGivesSameUsers() {
    assertThat(new UserItemGenerator(42).generate(2_000)).isEqualTo(users);
  }

  @Test
  void differentSeedGivesDifferentUsers() {
    assertThat(new UserItemGenerator(43).generate(2_000)).doesNotContainAnyElementsOf(users);
  }

  @Test
  void aShorterRunIsAPrefixOfALongerOne() {
    assertThat(new UserItemGenerator(42).generate(100)).isEqualTo(users.subList(0, 100));
  }

  @Test
  void everyUserHasEveryField() {
    assertThat(users)
        .allSatisfy(
            user -> {
              assertThat(user.userId()).isNotBlank().doesNotContain("|", ",", "#");
              assertThat(user.beneficiaryId()).hasSize(21);
              assertThat(user.firstName()).isNotBlank();
              assertThat(user.lastName()).isNotBlank();
              assertThat(user.phone()).matches("\\+1\\d{10}");
              assertThat(user.created())
                  .isBetween(
                      UserItemGenerator.CREATED_FROM.toEpochMilli(),
                      UserItemGenerator.CREATED_UNTIL.toEpochMilli() - 1);
              assertThat(user.updated()).isGreaterThanOrEqualTo(user.created());
              assertThat(user.toMap())
                  .containsOnlyKeys(
                      "userId",
                      "beneficiaryId",
                      "firstName",
                      "lastName",
                      "phone",
                      "created",
                      "updated");
            });
  }

  @Test
  void userIdsAreDistinct() {
    assertThat(users).extracting(UserItem::userId).doesNotHaveDuplicates();
  }

  @Test
  void beneficiariesAreSharedBySeveralUsers() {
    assertThat(users.stream().map(UserItem::beneficiaryId).distinct().count())
        .isBetween(100L, 400L);
  }

  @Test
  void mixesNonAsciiIdsAndAccentedNames() {
    assertThat(users).anyMatch(user -> !user.userId().chars().allMatch(c -> c < 128));
    assertThat(users)
        .anyMatch(user -> user.userId().codePoints().anyMatch(Character::isSupplementaryCodePoint));
    assertThat(users).anyMatch(user -> user.firstName().equals("José"));
    assertThat(users).anyMatch(user -> user.lastName().equals("Gómez-Juárez-Álvarez"));
  }

  @Test
  void creationTimesHitEveryShardBumpOfTheSeedConfig() {
    assertThat(users).anyMatch(user -> user.created() < FIRST_BUMP);
    assertThat(users)
        .anyMatch(user -> user.created() >= FIRST_BUMP && user.created() < SECOND_BUMP);
    assertThat(users).anyMatch(user -> user.created() >= SECOND_BUMP);
  }

  @Test
  void refusesAnEmptyRun() {
    assertThatThrownBy(() -> new UserItemGenerator(1).generate(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
