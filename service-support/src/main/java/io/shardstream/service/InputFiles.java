package io.shardstream.service;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a file a user named (settings, entity configuration, events) before it is opened, so the
 * message says which file and what is wrong with it rather than an I/O exception's text.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * @param what what the file is for, e.g. "settings file"
   * @throws InputFileException when the file is missing, a directory or unreadable
   */
  public static Path requireReadable(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new InputFileException(what + " " + file + " is a directory: give the file itself");
    }
    if (!Files.exists(file)) {
      throw new InputFileException(what + " not found: " + file.toAbsolutePath());
    }
    if (!Files.isReadable(file)) {
      throw new InputFileException("cannot read " + what + " " + file + ": permission denied");
    }
    return file;
  }

  /** A file a user named that cannot be used; the message names it. */
  public static final class InputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputFileException(String message) {
      super(message);
    }

    public InputFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
