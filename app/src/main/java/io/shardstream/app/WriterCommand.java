package io.shardstream.app;

import io.shardstream.writer.WriterService;
import io.shardstream.writer.WriterSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code shardstream writer}: runs the Kafka Streams writer until stopped. */
@Command(
    name = "writer",
    mixinStandardHelpOptions = true,
    description =
        "Run the writer: change events from Kafka into the DynamoDB table (settings: "
            + "writer/README.md; env SHARDSTREAM_* overrides every key, e.g. "
            + "SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS, SHARDSTREAM_DYNAMODB_ENDPOINT).")
final class WriterCommand implements Callable<Integer> {
  @Mixin SettingsOption settings;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WriterService writer = WriterService.create(settings.load(WriterSettings.defaults()));
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(writer::stop));
    writer.start();
    spec.commandLine()
        .getOut()
        .println(
            "writer running; /metrics and /health on port "
                + writer.httpPort()
                + "; Ctrl-C stops it");
    spec.commandLine().getOut().flush();
    // Returns when the streams client stops: by Ctrl-C, or by a fatal error it reports itself.
    var state = writer.terminated().get();
    return state == org.apache.kafka.streams.KafkaStreams.State.ERROR ? 1 : 0;
  }
}
