package io.shardstream.dynamo.write;

import java.time.Duration;

/** Waits between retries; replaced in tests by one that advances a virtual clock. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = Thread::sleep;

  void sleep(Duration duration) throws InterruptedException;
}
