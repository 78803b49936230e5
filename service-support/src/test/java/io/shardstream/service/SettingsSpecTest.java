package io.shardstream.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSpecTest {
  enum Store {
    ROCKSDB,
    IN_MEMORY
  }

  private static final Setting<Integer> PORT =
      Setting.integer("http.port", 8090, 0, 65_535, "the port");
  private static final Setting<Duration> BACKOFF =
      Setting.duration(
          "writer.failure-backoff", "5s", Duration.ofMillis(100), Duration.ofHours(1), "pause");
  private static final Setting<Store> STORE =
      Setting.choice("writer.state-store", Store.ROCKSDB, Store.class, "where");
  private static final Setting<Optional<String>> REGION =
      Setting.optionalText("dynamodb.region", "region");
  private static final Setting<String> TABLE =
      Setting.required("stream.table", t -> t, "source table");
  private static final SettingsSpec SPEC =
      SettingsSpec.of("test", PORT, BACKOFF, STORE, REGION, Setting.passThrough("kafka", "kafka"));

  @Test
  void defaultsComeFromTheDeclarations() {
    assertThat(SPEC.defaults())
        .containsExactly(
            Map.entry("http.port", "8090"),
            Map.entry("writer.failure-backoff", "5s"),
            Map.entry("writer.state-store", "rocksdb"),
            Map.entry("dynamodb.region", ""));
    Settings none = Settings.of(Map.of());
    assertThat(PORT.read(none)).isEqualTo(8090);
    assertThat(BACKOFF.read(none)).isEqualTo(Duration.ofSeconds(5));
    assertThat(STORE.read(none)).isEqualTo(Store.ROCKSDB);
    assertThat(REGION.read(none)).isEmpty();
  }

  @Test
  void valuesAreParsedByTheirDeclaration() {
    Settings settings =
        Settings.of(
            Map.of(
                "http.port", " 0 ",
                "writer.failure-backoff", "PT0.5S",
                "writer.state-store", "in-memory",
                "dynamodb.region", "eu-west-1",
                "kafka.linger.ms", "20"));
    assertThat(PORT.read(settings)).isZero();
    assertThat(BACKOFF.read(settings)).isEqualTo(Duration.ofMillis(500));
    assertThat(STORE.read(settings)).isEqualTo(Store.IN_MEMORY);
    assertThat(REGION.read(settings)).contains("eu-west-1");
    assertThat(SPEC.settings().get(4).read(settings)).isEqualTo(Map.of("linger.ms", "20"));
  }

  @Test
  void aBadValueNamesTheKeyItsVariableTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> PORT.read(Settings.of(Map.of("http.port", "70000"))))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "setting 'http.port' (SHARDSTREAM_HTTP_PORT) must be a whole number between 0 and"
                + " 65535, got '70000'");
    assertThatThrownBy(() -> BACKOFF.read(Settings.of(Map.of("writer.failure-backoff", "10ms"))))
        .hasMessage(
            "setting 'writer.failure-backoff' (SHARDSTREAM_WRITER_FAILURE_BACKOFF) must be a"
                + " duration between 100ms and 1h such as 500ms, 5s, 2m or PT5S, got '10ms'");
    assertThatThrownBy(() -> STORE.read(Settings.of(Map.of("writer.state-store", "disk"))))
        .hasMessage(
            "setting 'writer.state-store' (SHARDSTREAM_WRITER_STATE_STORE) must be rocksdb or"
                + " in-memory, got 'disk'");
    assertThatThrownBy(() -> TABLE.read(Settings.of(Map.of())))
        .hasMessageContaining("setting 'stream.table' (SHARDSTREAM_STREAM_TABLE): missing");
  }

  @Test
  void aCheckReportsEveryBadKeyAtOnceAndFallsBackToDefaults() {
    SettingsCheck check =
        SPEC.check(Settings.of(Map.of("http.port", "http", "writer.failure-backoff", "soon")));
    assertThat(check.get(PORT)).isEqualTo(8090);
    assertThat(check.get(BACKOFF)).isEqualTo(Duration.ofSeconds(5));
    assertThat(check.get(STORE)).isEqualTo(Store.ROCKSDB);
    assertThat(check.ok()).isFalse();
    assertThatThrownBy(check::throwIfAny)
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("invalid test settings:\n  setting 'http.port'")
        .hasMessageContaining("\n  setting 'writer.failure-backoff'");
  }

  @Test
  void environmentVariableNamesAreDerivedFromTheKey() {
    assertThat(PORT.envName()).isEqualTo("SHARDSTREAM_HTTP_PORT");
    assertThat(STORE.envName()).isEqualTo("SHARDSTREAM_WRITER_STATE_STORE");
    assertThat(Setting.passThrough("kafka", "k").envName()).isEqualTo("SHARDSTREAM_KAFKA_*");
  }

  @Test
  void environmentBeatsTheFileWhichBeatsTheDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "http.port=9000\nwriter.state-store=in-memory\n");
    Settings settings =
        SPEC.load(
            file,
            Map.of(
                "SHARDSTREAM_HTTP_PORT", "9100",
                "SHARDSTREAM_WRITER_FAILURE_BACKOFF", "",
                "OTHER_HTTP_PORT", "1"));
    assertThat(PORT.read(settings)).as("environment over file").isEqualTo(9100);
    assertThat(STORE.read(settings)).as("file over default").isEqualTo(Store.IN_MEMORY);
    assertThat(BACKOFF.read(settings)).as("blank variable: the default").hasSeconds(5);
  }

  @Test
  void aKeyIsDeclaredOncePerService() {
    assertThatThrownBy(() -> SettingsSpec.of("twice", PORT, PORT.withDefault("1")))
        .hasMessageContaining("declares 'http.port' twice");
  }

  @Test
  void theTableIsRenderedFromTheDeclarations() {
    assertThat(SettingsSpec.of("doc", PORT, REGION.defaultShownAs("SDK lookup")).table())
        .isEqualTo(
            """
            | key | environment variable | default | meaning |
            |---|---|---|---|
            | `http.port` | `SHARDSTREAM_HTTP_PORT` | `8090` | the port |
            | `dynamodb.region` | `SHARDSTREAM_DYNAMODB_REGION` | SDK lookup | region |
            """);
    assertThat(SettingsDoc.section("a\n<!-- settings:x -->\nT\n<!-- /settings:x -->\nb", "x"))
        .contains("T\n");
  }

  @Test
  void everySharedKeyHasADoc() throws IllegalAccessException {
    List<Setting<?>> shared = new ArrayList<>();
    for (Field field : CommonSettings.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
        shared.add((Setting<?>) field.get(null));
      }
    }
    assertThat(shared).hasSizeGreaterThan(10);
    assertThat(shared).allSatisfy(s -> assertThat(s.doc()).as(s.key()).isNotBlank());
  }

  /**
   * Environment variable names are derived ({@link Settings#envName}), not typed: no main source of
   * the modules that read settings spells one out.
   */
  @Test
  void noMainSourceTypesAnEnvironmentVariableName() throws IOException {
    Pattern typed = Pattern.compile("\"[^\"\\n]*SHARDSTREAM_[A-Z]");
    List<String> found = new ArrayList<>();
    for (String module : List.of("service-support", "writer", "query-api", "ingest")) {
      try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = typed.matcher(Files.readString(file));
          while (m.find()) {
            found.add(file + ": " + m.group());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
