package io.shardstream.ingest.file;

/** A line that was not imported: its 1-based number and why. */
public record BadLine(long lineNumber, String reason) {

  @Override
  public String toString() {
    return "line " + lineNumber + ": " + reason;
  }
}
