package io.shardstream.dynamo.table;

import io.shardstream.core.config.EntityConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The shape of a single table: its key and its global secondary indexes. Built from an entity
 * configuration ({@link #fromConfig}) to create or check a table, or read from DynamoDB.
 *
 * @param rangeKey null for a table without a sort key (possible for a table found in DynamoDB)
 * @param globalIndexes sorted by name
 */
public record TableDefinition(
    String tableName,
    KeyAttribute hashKey,
    KeyAttribute rangeKey,
    List<GlobalIndex> globalIndexes) {

  public TableDefinition {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(hashKey, "hashKey");
    globalIndexes =
        globalIndexes.stream().sorted(java.util.Comparator.comparing(GlobalIndex::name)).toList();
  }

  /**
   * The table the configuration needs: hash key and range key both strings; one index per
   * configured index, named by its token, keyed by its hashKey (a string) and rangeKey (a string
   * for the table range key and generated properties, the transcode's type for a transcoded
   * property), projecting ALL unless {@code projections} are given.
   *
   * @throws InvalidTableDefinitionException listing every index key DynamoDB cannot hold (a
   *     boolean-transcoded range key, for one)
   */
  public static TableDefinition fromConfig(String tableName, EntityConfig config) {
    return ConfigTableMapper.map(tableName, config);
  }

  public Optional<GlobalIndex> globalIndex(String name) {
    return globalIndexes.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The CreateTable request for this table, on-demand billing (PAY_PER_REQUEST). */
  public CreateTableRequest toCreateTableRequest() {
    return CreateTableRequests.of(this);
  }
}
