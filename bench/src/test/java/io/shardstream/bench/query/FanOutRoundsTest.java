package io.shardstream.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.items.UserItem;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.query.InMemoryPartitionReader;
import io.shardstream.core.query.PartitionPage;
import io.shardstream.core.query.PartitionQuery;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.core.query.Searcher;
import io.shardstream.core.query.StartKey;
import io.shardstream.dynamo.query.DynamoPartitionReader;
import io.shardstream.schemas.ExampleConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fan-out side of {@code bench query} (a 25-item page of a name search over 16 shards × 2
 * indexes, sessions of up to 10 pages, filters pushed down, reads of at least 4 items) on the
 * in-memory partition reader with the benchmark's own generated users: a page needs fewer
 * sequential rounds of reads than before (1.74 on this reader, 1.84 in the benchmark; now 1.32, the
 * issue's goal of 1.3 not quite reached, hence the bound of 1.35) and reads no more per item
 * returned than before (3.62 in the benchmark), while every session's pages stay exact.
 */
class FanOutRoundsTest {
  private static final int USERS = 30_000;
  private static final int PAGES = 300;
  private static final int LIMIT = 25;

  @Test
  void aPageOfTheWideNameSearchNeedsFewRoundsAndNoMoreReads() {
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.userEmail());
    EntityManager manager = new EntityManager(config);
    List<UserItem> users = new SearchUserGenerator(42).generate(USERS);
    List<Map<String, Object>> items = new ArrayList<>();
    users.forEach(user -> items.add(manager.addKeys("user", user.toMap())));
    InMemoryPartitionReader table = new InMemoryPartitionReader(config, items, true);
    PartitionReader reader =
        new PartitionReader() {
          @Override
          public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit) {
            return table.read(query, start, limit);
          }

          @Override
          public int minimumFetch() {
            return DynamoPartitionReader.DEFAULT_MINIMUM_FETCH;
          }
        };
    Searcher searcher = new Searcher(manager, reader, new CursorCodec(new byte[32]));
    SearchSide fanOut = SearchSide.fanOut(QueryBenchmark.PREFIXES);

    PageWalker walker = new PageWalker(searcher, fanOut, LIMIT, 10);
    List<PageSample> samples = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      samples.add(walker.next());
    }
    SideStats stats = SideStats.of(fanOut.name(), samples);

    System.out.printf(
        "fan-out in memory, %,d users: %.3f rounds, %.2f reads/item, %.2f Query calls per page%n",
        USERS, stats.roundTripsPerPage(), stats.readsPerItem(), stats.requestsPerPage());
    assertThat(stats.firstPages()).isGreaterThanOrEqualTo(PAGES / 10);
    assertThat(stats.roundTripsPerPage()).isLessThanOrEqualTo(1.35);
    assertThat(stats.readsPerItem()).isLessThanOrEqualTo(3.62);
    for (int session = 0; session < QueryBenchmark.PREFIXES.size(); session++) {
      ExactnessCheck.run(searcher, fanOut, session, LIMIT, users);
    }
  }
}
