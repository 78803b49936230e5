package io.shardstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.app.ModuleCommand;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  /**
   * `shardstream help` (the app module, which cannot depend on bench) lists bench with this line.
   */
  @Test
  void theLineShardstreamHelpShowsIsTheBenchmarksOwnDescription() {
    assertThat(BenchMain.commandLine().getCommandSpec().usageMessage().description())
        .startsWith(ModuleCommand.BENCH_SUMMARY);
  }
}
