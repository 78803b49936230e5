package io.shardstream.writer;

import io.shardstream.service.SettingsException;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the writer until the process is stopped: {@code WriterMain [settings-file]} (a {@code
 * .properties} or {@code .yaml} file; every key overridable by {@code SHARDSTREAM_*} environment
 * variables). Exits with 1 when Kafka Streams stops on a fatal error, 2 for bad settings.
 */
public final class WriterMain {
  private WriterMain() {}

  public static void main(String[] args) {
    Path file = args.length > 0 ? Path.of(args[0]) : null;
    WriterService writer;
    try {
      writer = WriterService.create(WriterSettings.load(file, System.getenv()));
    } catch (SettingsException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(writer::stop, "writer-shutdown"));
    writer.start();
    KafkaStreams.State last = writer.terminated().join();
    if (last == KafkaStreams.State.ERROR) {
      writer.stop();
      System.exit(1);
    }
  }
}
