package io.shardstream.bench.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemsFileTest {
  @Test
  void itemsSurviveTheRoundTripWithTimestampsAsLongs(@TempDir Path dir) {
    List<Map<String, Object>> items =
        new UserItemGenerator(7).generate(50).stream().map(UserItem::toMap).toList();
    Path file = dir.resolve("items.jsonl");

    ItemsFile.write(file, items);

    List<Map<String, Object>> read = ItemsFile.read(file);
    assertThat(read).isEqualTo(items);
    assertThat(read.get(0).get("created")).isInstanceOf(Long.class);
  }
}
