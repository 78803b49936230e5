package io.shardstream.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a {@code .tar.gz} of plain files and folders (the registry distribution) with Commons
 * Compress, which reads every common tar dialect (ustar, PAX and GNU long names).
 *
 * <p>Links and device entries are refused rather than skipped, so an archive that is not plain
 * files fails loudly instead of unpacking incomplete; entries that would land outside the target
 * folder ({@code ../}, absolute paths) are refused too.
 */
final class TarGzExtractor {

  private TarGzExtractor() {}

  static void extract(Path archive, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path destination = inside(root, entry.getName(), archive);
        if (entry.isSymbolicLink()
            || entry.isLink()
            || entry.isCharacterDevice()
            || entry.isBlockDevice()
            || entry.isFIFO()) {
          throw new IOException(
              archive
                  + ": unsupported tar entry type '"
                  + (char) entry.getLinkFlag()
                  + "' for "
                  + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
        } else {
          Files.createDirectories(destination.getParent());
          Files.copy(tar, destination);
        }
      }
    }
  }

  private static Path inside(Path root, String name, Path archive) throws IOException {
    Path destination = root.resolve(name).normalize();
    if (!destination.startsWith(root) || Path.of(name).isAbsolute()) {
      throw new IOException(archive + ": entry escapes the target folder: " + name);
    }
    return destination;
  }
}
