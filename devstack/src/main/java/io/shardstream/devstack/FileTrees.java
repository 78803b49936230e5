package io.shardstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recursive delete, the one file-tree operation the JDK lacks (the demo uses it too). */
public final class FileTrees {

  private static final Logger log = LoggerFactory.getLogger(FileTrees.class);

  private FileTrees() {}

  /** Deletes {@code root} and everything under it; nothing when it does not exist. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Best effort: a leftover folder is untidy, not fatal. */
  static void deleteQuietly(Path root) {
    try {
      delete(root);
    } catch (IOException e) {
      log.debug("could not delete {}", root, e);
    }
  }
}
