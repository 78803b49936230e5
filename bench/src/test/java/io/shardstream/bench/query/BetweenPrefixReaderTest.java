package io.shardstream.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.KeyCondition;
import io.shardstream.core.query.KeyValue;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.QueryPlanner;
import io.shardstream.schemas.ExampleConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetweenPrefixReaderTest {
  private static final EntityManager MANAGER =
      new EntityManager(ConfigLoader.parse(ExampleConfigs.userEmail()));

  @Test
  void sendsAPrefixAsTheBetweenThatHoldsTheSameKeys() {
    PartitionQuery query = partitions(new SearchSide.NameSearch(List.of("smi"))).get(0);
    KeyCondition.BeginsWith prefix = (KeyCondition.BeginsWith) query.condition();

    PartitionQuery rewritten = BetweenPrefixReader.rewrite(query);

    assertThat(rewritten.condition())
        .isEqualTo(
            new KeyCondition.Between(
                prefix.prefix(), KeyValue.s(prefix.prefix().text() + "\uDBFF\uDFFF")));
    assertThat(rewritten.condition().matches(KeyValue.s(prefix.prefix().text() + "th|x")))
        .isTrue();
    assertThat(rewritten.condition().matches(KeyValue.s("firstNameCanonical#smh"))).isFalse();
    assertThat(rewritten.condition().matches(KeyValue.s("firstNameCanonical#smj"))).isFalse();
    assertThat(rewritten)
        .usingRecursiveComparison()
        .ignoringFields("index.condition")
        .isEqualTo(query);
  }

  @Test
  void leavesOtherConditionsAlone() {
    PartitionQuery query = partitions(new SearchSide.CreatedSearch()).get(0);

    assertThat(BetweenPrefixReader.rewrite(query)).isSameAs(query);
  }

  private static List<PartitionQuery> partitions(SearchSide side) {
    return QueryPlanner.plan(MANAGER, side.request(0, 25)).partitions();
  }
}
