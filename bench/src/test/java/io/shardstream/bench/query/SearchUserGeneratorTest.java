package io.shardstream.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.items.UserItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchUserGeneratorTest {
  private final List<UserItem> users = new SearchUserGenerator(42).generate(20_000);

  @Test
  void sameSeedSameUsersAndShorterRunsArePrefixes() {
    assertThat(new SearchUserGenerator(42).generate(500)).isEqualTo(users.subList(0, 500));
  }

  @Test
  void mostUsersAreCreatedInThe16ShardBump() {
    long in2025 =
        users.stream()
            .filter(u -> u.created() >= SearchUserGenerator.YEAR_2025.toEpochMilli())
            .filter(u -> u.created() < SearchUserGenerator.YEAR_2026.toEpochMilli())
            .count();
    long in2023 =
        users.stream()
            .filter(u -> u.created() < SearchUserGenerator.YEAR_2024.toEpochMilli())
            .count();
    assertThat(in2025).isBetween(16_600L, 17_400L);
    assertThat(in2023).isBetween(1_800L, 2_200L);
    assertThat(users).allMatch(u -> u.created() >= SearchUserGenerator.YEAR_2023.toEpochMilli());
    assertThat(users).extracting(UserItem::userId).doesNotHaveDuplicates();
  }

  @Test
  void everyBenchmarkPrefixFindsAFewHundredToAFewThousandPer100kUsers() {
    SearchSide.NameSearch search = new SearchSide.NameSearch(QueryBenchmark.PREFIXES);
    for (int session = 0; session < QueryBenchmark.PREFIXES.size(); session++) {
      int s = session;
      long found = users.stream().filter(u -> search.matches(s, u)).count();
      // 20,000 users here: a fifth of the default run.
      assertThat(found * 5).as(search.prefix(s)).isBetween(200L, 5_000L);
    }
  }
}
