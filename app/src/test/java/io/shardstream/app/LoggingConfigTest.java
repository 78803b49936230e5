package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.shardstream.app.logging.RepeatedLogFilter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The launcher's logback.xml keeps third-party noise out of a user's terminal. */
class LoggingConfigTest {
  private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

  private static ListAppender<ILoggingEvent> capture(String loggerName) {
    Logger logger = CONTEXT.getLogger(loggerName);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(CONTEXT);
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    return appender;
  }

  @Test
  void aDownBrokersRepeatedConnectionWarningsAreShownOnce() {
    assertThat(CONTEXT.getTurboFilterList()).hasAtLeastOneElementOfType(RepeatedLogFilter.class);
    String name = "org.apache.kafka.clients.NetworkClient";
    ListAppender<ILoggingEvent> shown = capture(name);
    org.slf4j.Logger networkClient = LoggerFactory.getLogger(name);
    for (int i = 0; i < 50; i++) {
      networkClient.warn(
          "[Producer clientId=test-1] Connection to node -1 (localhost/127.0.0.1:1)"
              + " could not be established. Node may not be available.");
      networkClient.warn(
          "[Producer clientId=test-1] Bootstrap broker localhost:1 (id: -1 rack:"
              + " null isFenced: false) disconnected");
    }
    networkClient.warn(
        "[Producer clientId=test-2] Connection to node -1 (localhost/127.0.0.1:2)"
            + " could not be established. Node may not be available.");

    assertThat(shown.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(3)
        .anyMatch(line -> line.contains("test-2"));
    // Other loggers are not filtered.
    ListAppender<ILoggingEvent> other = capture("io.shardstream.test.repeats");
    for (int i = 0; i < 5; i++) {
      LoggerFactory.getLogger("io.shardstream.test.repeats").warn("same line");
    }
    assertThat(other.list).hasSize(5);
  }

  @Test
  void javaUtilLoggingGoesThroughLogbackAndTheVertxAdviceIsQuiet() {
    ShardstreamCommand.routeJavaUtilLogging();
    ListAppender<ILoggingEvent> bridged = capture("io.shardstream.test.jul");
    java.util.logging.Logger.getLogger("io.shardstream.test.jul").warning("from JUL");
    assertThat(bridged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("from JUL");

    String vertxAdvice = "io.apicurio.registry.client.common.DefaultVertxInstance$Holder";
    assertThat(CONTEXT.getLogger(vertxAdvice).getEffectiveLevel()).isEqualTo(Level.ERROR);
    ListAppender<ILoggingEvent> advice = capture(vertxAdvice);
    java.util.logging.Logger.getLogger(vertxAdvice).warning("Using default shared Vertx instance.");
    assertThat(advice.list).isEmpty();
  }
}
