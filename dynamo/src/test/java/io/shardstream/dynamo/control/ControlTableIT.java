package io.shardstream.dynamo.control;

import static io.shardstream.dynamo.control.ControlFixtures.CONFIG_A;
import static io.shardstream.dynamo.control.ControlFixtures.CONFIG_B;
import static io.shardstream.dynamo.control.ControlFixtures.T1;
import static io.shardstream.dynamo.control.ControlFixtures.T2;
import static io.shardstream.dynamo.control.ControlFixtures.VERSION_A;
import static io.shardstream.dynamo.control.ControlFixtures.VERSION_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.LocalDynamoDb;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DevStackExtension.class)
class ControlTableIT {
  @Test
  void switchesRollsBackAndRefusesAStaleRevision(DynamoDbEndpoint endpoint) {
    assertThat(VERSION_B).isNotEqualTo(VERSION_A);
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      ControlTable control = new ControlTable(client, LocalDynamoDb.tableName("control"));
      assertThat(control.read()).as("no control table yet").isEmpty();
      control.ensureExists();
      control.ensureExists();
      assertThat(control.read()).isEmpty();

      ControlRecord first = control.switchTo("table-a", CONFIG_A, VERSION_A, T1);
      assertThat(first.revision()).isEqualTo(1);
      assertThat(first.previousTable()).isEmpty();
      assertThat(control.read()).contains(first);

      ControlRecord second = control.switchTo("table-b", CONFIG_B, VERSION_B, T2);
      assertThat(control.read()).contains(second);
      assertThat(second)
          .isEqualTo(
              new ControlRecord(
                  "table-b",
                  CONFIG_B,
                  VERSION_B,
                  Optional.of("table-a"),
                  Optional.of(CONFIG_A),
                  Optional.of(VERSION_A),
                  T2,
                  2));

      // A writer that read revision 1 loses against the switch that made revision 2.
      assertThatThrownBy(() -> control.write(first.switchedTo("table-c", CONFIG_A, VERSION_A, T2)))
          .isInstanceOf(ControlConflictException.class)
          .hasMessageContaining("expected revision 1");
      // So does a second "first" record.
      assertThatThrownBy(() -> control.write(first)).isInstanceOf(ControlConflictException.class);
      assertThat(control.read()).contains(second);

      ControlRecord rolledBack = control.rollback(T2);
      assertThat(rolledBack.table()).isEqualTo("table-a");
      assertThat(rolledBack.config()).isEqualTo(CONFIG_A);
      assertThat(rolledBack.configVersion()).isEqualTo(VERSION_A);
      assertThat(rolledBack.previousTable()).contains("table-b");
      assertThat(rolledBack.revision()).isEqualTo(3);
      assertThat(control.read()).contains(rolledBack);
      // A second rollback undoes the first.
      assertThat(control.rollback(T2).table()).isEqualTo("table-b");
    }
  }

  @Test
  void theFirstCutOverFromTheSettingsTableCanBeRolledBack(DynamoDbEndpoint endpoint) {
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      ControlTable control = new ControlTable(client, LocalDynamoDb.tableName("control"));
      control.ensureExists();
      ControlRecord live = ControlRecord.beforeFirstSwitch("table-a", CONFIG_A, VERSION_A);

      ControlRecord first = control.switchTo(live, "table-b", CONFIG_B, VERSION_B, T1);
      assertThat(first.revision()).isEqualTo(1);
      assertThat(first.previousTable()).contains("table-a");
      assertThat(control.read()).contains(first);
      // A second switch from the same starting point lost the race: the record exists now.
      assertThatThrownBy(() -> control.write(live.switchedTo("table-c", CONFIG_B, VERSION_B, T1)))
          .isInstanceOf(ControlConflictException.class);

      ControlRecord rolledBack = control.rollback(T2);
      assertThat(rolledBack.table()).isEqualTo("table-a");
      assertThat(rolledBack.config()).isEqualTo(CONFIG_A);
      assertThat(rolledBack.configVersion()).isEqualTo(VERSION_A);
      assertThat(control.read()).contains(rolledBack);
    }
  }

  @Test
  void rollbackNeedsAPreviousTable(DynamoDbEndpoint endpoint) {
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint)) {
      ControlTable control = new ControlTable(client, LocalDynamoDb.tableName("control"));
      control.ensureExists();
      assertThatThrownBy(() -> control.rollback(T1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no control record");
      control.switchTo("table-a", CONFIG_A, VERSION_A, T1);
      assertThatThrownBy(() -> control.rollback(T1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no previous table");
    }
  }
}
