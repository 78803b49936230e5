package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The services' runtime class path, which the launcher runs and Jib copies into the image, holds no
 * dev-only or test-only jar (devstack, DynamoDB Local, the Kafka broker and Scala, AWS SDK v1,
 * sqlite4java, test libraries). The banned patterns are the enforcer rule's in app/pom.xml, which
 * stops the build first; this names every offending jar of the resolved list the build writes
 * (target/runtime-dependencies.txt), and checks that the patterns catch what they are meant to.
 */
class RuntimeClasspathTest {
  private static final Path POM = Path.of("pom.xml");
  private static final Path RESOLVED = Path.of("target", "runtime-dependencies.txt");

  /**
   * {@code groupId:artifactId:type[:classifier]:version:scope}, as maven-dependency-plugin lists.
   */
  private static final Pattern ARTIFACT =
      Pattern.compile(
          "^\\s*([\\w.\\-]+):([\\w.\\-]+):[\\w.\\-]+:(?:[\\w.\\-]+:)?[\\w.\\-]+:(\\w+)");

  private static List<Pattern> banned;

  @BeforeAll
  static void readBannedPatterns() throws Exception {
    Element pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(POM.toFile())
            .getDocumentElement();
    NodeList excludes =
        ((Element) pom.getElementsByTagName("bannedDependencies").item(0))
            .getElementsByTagName("exclude");
    banned =
        java.util.stream.IntStream.range(0, excludes.getLength())
            .mapToObj(i -> excludes.item(i).getTextContent().trim())
            .map(RuntimeClasspathTest::toRegex)
            .toList();
    assertThat(banned).as("bannedDependencies excludes in app/pom.xml").isNotEmpty();
  }

  @Test
  void noDevOnlyJarOnTheRuntimeClassPath() throws IOException {
    List<String> resolved = resolvedRuntimeArtifacts();
    assertThat(resolved)
        .as("the runtime list the build resolved (%s)", RESOLVED)
        .contains(
            "io.shardstream:shardstream-writer",
            "io.shardstream:shardstream-query-api",
            "org.apache.kafka:kafka-streams");
    assertThat(resolved.stream().filter(RuntimeClasspathTest::isBanned).toList())
        .as(
            "dev-only jars on app's runtime class path (and so in the image); find who brings them "
                + "with ./mvnw -pl app dependency:tree -Dscope=runtime and keep them to test scope or "
                + "to the demo/bench modules")
        .isEmpty();
  }

  /** Modules share test doubles and fixtures as test-jars, which only tests may see. */
  @Test
  void noTestJarOnTheRuntimeClassPath() throws IOException {
    assertThat(RESOLVED).as("written by maven-dependency-plugin before the tests").exists();
    assertThat(Files.readAllLines(RESOLVED))
        .as("test-jars on app's runtime class path; depend on them in test scope only")
        .noneMatch(line -> line.contains(":test-jar:"));
  }

  @Test
  void thePatternsCatchTheLocalStackAndSpareTheServicesLibraries() {
    assertThat(
            List.of(
                "io.shardstream:shardstream-devstack",
                "io.shardstream:shardstream-demo",
                "com.amazonaws:DynamoDBLocal",
                "com.amazonaws:aws-java-sdk-dynamodb",
                "com.almworks.sqlite4java:libsqlite4java-linux-amd64",
                "org.apache.kafka:kafka_2.13",
                "org.apache.kafka:kafka-server",
                "org.apache.kafka:kafka-server-common",
                "org.apache.kafka:kafka-metadata",
                "org.scala-lang:scala-library",
                "org.scala-lang.modules:scala-java8-compat_2.13",
                "org.mockito:mockito-core"))
        .allMatch(RuntimeClasspathTest::isBanned);
    assertThat(
            List.of(
                "org.apache.kafka:kafka-clients",
                "org.apache.kafka:kafka-streams",
                "com.amazonaws:dynamodb-streams-kinesis-adapter",
                "software.amazon.awssdk:dynamodb",
                "io.shardstream:shardstream-writer"))
        .noneMatch(RuntimeClasspathTest::isBanned);
  }

  private static boolean isBanned(String artifact) {
    return banned.stream().anyMatch(pattern -> pattern.matcher(artifact).matches());
  }

  /** {@code groupId:artifactId} of every runtime-scope artifact the build resolved. */
  private static List<String> resolvedRuntimeArtifacts() throws IOException {
    assertThat(RESOLVED).as("written by maven-dependency-plugin before the tests").exists();
    return Files.readAllLines(RESOLVED).stream()
        .map(ARTIFACT::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1) + ":" + m.group(2))
        .toList();
  }

  /**
   * An enforcer pattern {@code groupId[:artifactId]} with {@code *} wildcards as a regex over
   * {@code groupId:artifactId}; the rule's longer forms (version, type, scope) are not used here.
   */
  private static Pattern toRegex(String pattern) {
    String[] parts = pattern.split(":");
    assertThat(parts.length)
        .as("'%s': only groupId[:artifactId] patterns", pattern)
        .isBetween(1, 2);
    String group = wildcard(parts[0]);
    String artifact = parts.length == 2 ? wildcard(parts[1]) : "[^:]+";
    return Pattern.compile(group + ":" + artifact);
  }

  private static String wildcard(String part) {
    return Pattern.quote(part).replace("*", "\\E[^:]*\\Q");
  }
}
