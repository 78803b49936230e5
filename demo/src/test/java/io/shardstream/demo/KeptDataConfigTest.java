package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.app.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptDataConfigTest {
  @Test
  void nothingKeptResumes(@TempDir Path dir) {
    assertThatCode(() -> new KeptDataConfig(dir.resolve("none"), "{}").checkResumable())
        .doesNotThrowAnyException();
    assertThatCode(() -> new KeptDataConfig(dir, "{}").checkResumable()).doesNotThrowAnyException();
  }

  @Test
  void dataKeptUnderTheSameConfigResumes(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("kafka"));
    new KeptDataConfig(dir, "{\"a\":1}").record();
    assertThatCode(() -> new KeptDataConfig(dir, "{\"a\":1}").checkResumable())
        .doesNotThrowAnyException();
  }

  @Test
  void dataKeptUnderAnotherConfigIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("kafka"));
    new KeptDataConfig(dir, "{\"generatedKeyDelimiter\":\"|\"}").record();
    assertThatThrownBy(() -> new KeptDataConfig(dir, "{\"a\":1}").checkResumable())
        .isInstanceOf(UserException.class)
        .hasMessageContaining("another entity configuration")
        .hasMessageContaining("--fresh");
  }

  @Test
  void dataKeptByAnOlderDemoWithoutARecordIsRefused(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("kafka"));
    assertThatThrownBy(() -> new KeptDataConfig(dir, "{}").checkResumable())
        .isInstanceOf(UserException.class)
        .hasMessageContaining("older demo")
        .hasMessageContaining("--fresh");
  }
}
