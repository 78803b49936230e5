package io.shardstream.app;

import io.shardstream.queryapi.QueryApiServer;
import io.shardstream.queryapi.QueryApiSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code shardstream query-api}: serves the HTTP search API until stopped. */
@Command(
    name = "query-api",
    mixinStandardHelpOptions = true,
    description =
        "Serve the HTTP search API (settings: query-api/README.md; env SHARDSTREAM_* "
            + "overrides every key, e.g. SHARDSTREAM_DYNAMODB_ENDPOINT, SHARDSTREAM_HTTP_PORT).")
final class QueryApiCommand implements Callable<Integer> {
  @Mixin SettingsOption settings;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    QueryApiServer server =
        QueryApiServer.fromSettings(settings.load(QueryApiSettings.defaults())).start();
    spec.commandLine()
        .getOut()
        .println(
            "query-api serving on "
                + server.localUri()
                + " (OpenAPI at "
                + server.localUri()
                + "/openapi.json); Ctrl-C stops it");
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      server.stop();
                      stopped.countDown();
                    }));
    stopped.await();
    return 0;
  }
}
