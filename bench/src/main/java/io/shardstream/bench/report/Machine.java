package io.shardstream.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine a run measured, in one line: results on 2 busy cores mean little without it. */
public final class Machine {
  private Machine() {}

  /** The 1-minute system load average, or NaN where the OS does not tell. */
  public static double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Double.NaN : load;
  }

  /** Cores, CPU, OS, Java, this JVM's max heap, and the load average then and now. */
  public static String describe(double loadAtStart) {
    return describe(loadAtStart, true);
  }

  /**
   * @param withHeap name this JVM's max heap (not when what is measured runs in another JVM)
   */
  public static String describe(double loadAtStart, boolean withHeap) {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%d cores%s, %s %s, Java %s (%s)%s; load average %.1f at start, %.1f at end",
        runtime.availableProcessors(),
        cpuModel().map(m -> " (" + m + ")").orElse(""),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        withHeap
            ? String.format(Locale.ROOT, ", max heap %,d MiB", runtime.maxMemory() / (1024 * 1024))
            : "",
        loadAtStart,
        loadAverage());
  }

  public static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** DynamoDB Local's version from its jar's manifest, when it says. */
  public static Optional<String> dynamoDbLocalVersion() {
    try {
      Package pkg =
          Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner").getPackage();
      return Optional.ofNullable(pkg == null ? null : pkg.getImplementationVersion());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
