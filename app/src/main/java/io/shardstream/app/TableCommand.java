package io.shardstream.app;

import io.shardstream.core.config.DelimiterOrder;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.dynamo.table.TableDescriber;
import io.shardstream.dynamo.table.TableMismatchException;
import io.shardstream.dynamo.table.TableSummary;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shardstream table create|describe}: the single table and its GSIs, from the config. */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    description = "Create or describe the single table and its indexes.",
    subcommands = {TableCommand.Create.class, TableCommand.Describe.class})
final class TableCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create the table and one GSI per config index if missing (idempotent); "
              + "report every difference when an existing table disagrees with the config.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;
    @Mixin DynamoOptions dynamo;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      EntityConfig entityConfig = config.load();
      PrintWriter out = spec.commandLine().getOut();
      TableCreator.EnsuredTable outcome;
      try {
        outcome = dynamo.call(client -> TableCreator.ensure(client, dynamo.table, entityConfig));
      } catch (TableMismatchException e) {
        throw new UserException(e.getMessage(), e);
      }
      out.println(
          "table "
              + dynamo.where()
              + ": "
              + outcome.name().toLowerCase(java.util.Locale.ROOT)
              + ", "
              + entityConfig.indexes().size()
              + " indexes");
      DelimiterOrder.notice(entityConfig).ifPresent(notice -> out.println("note: " + notice));
      return 0;
    }
  }

  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = "Show the table's keys, indexes, status and item count.")
  static final class Describe implements Callable<Integer> {
    @Mixin DynamoOptions dynamo;

    @Option(names = "--count", description = "Count items exactly (scans the whole table).")
    boolean count;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return dynamo.call(
          client -> {
            Optional<TableSummary> summary = TableDescriber.describe(client, dynamo.table);
            if (summary.isEmpty()) {
              throw new UserException("no table " + dynamo.where());
            }
            out.println(summary.get().render());
            if (count) {
              out.println(
                  "items (exact count): " + TableDescriber.countItems(client, dynamo.table));
            }
            return 0;
          });
    }
  }
}
