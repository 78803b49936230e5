package io.shardstream.bench.keys;

import java.nio.file.Path;

/** Where the node tests install Entity Manager: inside target/, shared by the tests of a build. */
final class NodeTestFolders {
  static final Path ENTITY_MANAGER = Path.of("target", "node-entity-manager");

  private NodeTestFolders() {}
}
