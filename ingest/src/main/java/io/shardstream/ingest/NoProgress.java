package io.shardstream.ingest;

/** The display that shows nothing. */
enum NoProgress implements ProgressDisplay {
  INSTANCE;

  @Override
  public void start(String task, String unit, long unitSize, long max) {}

  @Override
  public void stepTo(long current) {}

  @Override
  public void message(String message) {}

  @Override
  public void close() {}
}
