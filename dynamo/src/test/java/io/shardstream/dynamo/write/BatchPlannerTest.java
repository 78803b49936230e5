package io.shardstream.dynamo.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BatchPlannerTest {
  private static final TableKeys KEYS = new TableKeys("hashKey", "rangeKey");

  @Test
  void cutsRunsOfDistinctKeysAndKeepsTheLastOperationOfAKeyInARun() {
    // Batch size 2: [a1 b1 a2] → {a2, b1}; [c1 a3] → {c1, a3}; [d1] → {d1}.
    List<WriteOperation> operations =
        List.of(put("a", 1), put("b", 1), put("a", 2), put("c", 1), put("a", 3), put("d", 1));

    WritePlan plan = new BatchPlanner(KEYS, 2).plan(operations);

    assertThat(plan.batches()).hasSize(3);
    assertThat(indexes(plan.batches().get(0))).containsExactly(2, 1);
    assertThat(plan.batches().get(0).writes().get(0).supersededIndexes()).containsExactly(0);
    assertThat(indexes(plan.batches().get(1))).containsExactly(3, 4);
    assertThat(indexes(plan.batches().get(2))).containsExactly(5);
    assertThat(plan.superseded()).isEqualTo(1);
  }

  @Test
  void aBatchDependsOnTheLastEarlierBatchSharingAKey() {
    List<WriteOperation> operations =
        List.of(
            put("a", 1),
            put("b", 1),
            put("c", 1),
            put("d", 1),
            put("a", 2),
            put("e", 1),
            put("b", 2),
            put("a", 3));

    WritePlan plan = new BatchPlanner(KEYS, 2).plan(operations);

    // {a,b} {c,d} {a,e} {b,a}
    assertThat(plan.batches())
        .extracting(PlannedBatch::dependsOn)
        .containsExactly(List.of(), List.of(), List.of(0), List.of(0, 2));
  }

  @Test
  void deletesNameOnlyTheKeyAttributes() {
    Map<String, AttributeValue> keyWithExtras = new LinkedHashMap<>(item("a", 1));

    WritePlan plan = new BatchPlanner(KEYS, 25).plan(List.of(WriteOperation.delete(keyWithExtras)));

    assertThat(plan.batches().get(0).writes().get(0).request().deleteRequest().key())
        .containsOnlyKeys("hashKey", "rangeKey");
  }

  @Test
  void fullBatchesOf25() {
    List<WriteOperation> operations = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      operations.add(put("k" + i, i));
    }

    WritePlan plan = new BatchPlanner(KEYS, 25).plan(operations);

    assertThat(plan.batches()).extracting(b -> b.writes().size()).containsExactly(25, 25, 10);
    assertThat(plan.batches()).allSatisfy(b -> assertThat(b.dependsOn()).isEmpty());
  }

  private static List<Integer> indexes(PlannedBatch batch) {
    return batch.writes().stream().map(PlannedWrite::index).toList();
  }

  private static WriteOperation put(String hash, int version) {
    return WriteOperation.put(item(hash, version));
  }

  private static Map<String, AttributeValue> item(String hash, int version) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("hashKey", AttributeValue.fromS(hash));
    item.put("rangeKey", AttributeValue.fromS("r"));
    item.put("version", AttributeValue.fromN(Integer.toString(version)));
    return item;
  }
}
