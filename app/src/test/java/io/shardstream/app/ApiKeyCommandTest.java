package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.queryapi.ApiKeys;
import io.shardstream.queryapi.Caller;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code shardstream api-key hash}: the entry the query API accepts for the key on stdin. */
class ApiKeyCommandTest {

  private static CommandRun withStdin(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return CommandRun.of(args);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void printsTheEntryTheQueryApiAcceptsForTheKey() {
    CommandRun run = withStdin("s3cret-key\n", "api-key", "hash");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String entry = run.out().strip();
    // What `printf %s s3cret-key | sha256sum` prints: the key without the line break.
    assertThat(entry)
        .isEqualTo("sha256:817b823905cc7853f381992575a9041fcdb17fc70e776707abfb4d7c59ecbf3f")
        .doesNotContain("s3cret-key");
    assertThat(ApiKeys.parse(entry).caller("s3cret-key")).contains(Caller.UNRESTRICTED);
  }

  @Test
  void bindsTheEntryToABeneficiary() {
    CommandRun run = withStdin("k-2", "api-key", "hash", "--beneficiary", "b-7");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ApiKeys.parse(run.out().strip()).caller("k-2"))
        .contains(new Caller(Optional.of("b-7")));
  }

  @Test
  void anEmptyStdinSaysHowToGiveTheKey() {
    CommandRun run = withStdin("", "api-key", "hash");

    assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err()).contains("no key on stdin", "printf %s").doesNotContain("\tat ");
  }
}
