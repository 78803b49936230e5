package io.shardstream.dynamo.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.testing.SeedUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableComparatorTest {
  private final TableDefinition wanted = TableDefinition.fromConfig("users", SeedUsers.CONFIG);

  @Test
  void aTableBuiltFromTheSameConfigMatches() {
    assertThat(TableComparator.differences(wanted, DescribedTablesTest.described(wanted)))
        .isEmpty();
  }

  @Test
  void listsEveryDifference() {
    List<GlobalIndex> indexes = new ArrayList<>(wanted.globalIndexes());
    indexes.removeIf(
        i ->
            i.name().equals("phone")
                || i.name().equals("created")
                || i.name().equals("updated")
                || i.name().equals("firstName"));
    indexes.add(
        new GlobalIndex(
            "created",
            KeyAttribute.string("hashKey"),
            KeyAttribute.string("created"),
            IndexProjection.ALL));
    indexes.add(
        new GlobalIndex(
            "updated",
            KeyAttribute.string("userHashKey"),
            KeyAttribute.number("updated"),
            IndexProjection.KEYS_ONLY));
    indexes.add(
        new GlobalIndex("legacy", KeyAttribute.string("hashKey"), null, IndexProjection.ALL));
    TableDefinition actual = new TableDefinition("users", KeyAttribute.string("pk"), null, indexes);

    assertThat(TableComparator.differences(wanted, actual))
        .containsExactly(
            "table hash key is pk (S), the config wants hashKey (S)",
            "table range key is absent, the config wants rangeKey (S)",
            "index 'created' range key is created (S), the config wants created (N)",
            "index 'firstName' is missing (the config defines it as hashKey (S) / firstNameRangeKey"
                + " (S), projection ALL)",
            "index 'phone' is missing (the config defines it as hashKey (S) / phone (S), projection"
                + " ALL)",
            "index 'updated' hash key is userHashKey (S), the config wants hashKey (S)",
            "index 'updated' projection is KEYS_ONLY, the config wants ALL",
            "index 'legacy' exists on the table but not in the config (hashKey (S), projection ALL)");
  }
}
