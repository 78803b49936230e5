package io.shardstream.queryapi;

import java.nio.charset.StandardCharsets;

/** The key the query API tests sign cursors with. */
final class CursorKeys {
  static final byte[] TEST =
      "query-api-test-cursor-key-0123456789".getBytes(StandardCharsets.UTF_8);

  private CursorKeys() {}
}
