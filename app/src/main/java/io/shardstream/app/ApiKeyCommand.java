package io.shardstream.app;

import io.shardstream.queryapi.ApiKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream api-key hash}: the {@code api.keys} entry for a key, as its SHA-256 ({@code
 * sha256:<hex>[:beneficiaryId]}), so a deployment's configuration never holds the key itself. The
 * key is read from stdin, never from the command line, where it would stay in the shell's history
 * and the process list.
 */
@Command(
    name = "api-key",
    mixinStandardHelpOptions = true,
    description = "API keys of the query API.",
    subcommands = {ApiKeyCommand.Hash.class})
final class ApiKeyCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description =
          "Print the api.keys entry (sha256:<hex>[:beneficiaryId]) for the key read from stdin:"
              + " printf %s \"$KEY\" | shardstream api-key hash")
  static final class Hash implements Callable<Integer> {
    @Option(
        names = "--beneficiary",
        paramLabel = "ID",
        description = "Bind the key to this beneficiary (it sees only that beneficiary's users).")
    String beneficiary;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String key = readKey();
      if (key.isEmpty()) {
        throw new UserException(
            "no key on stdin: pipe it in, printf %s \"$KEY\" | shardstream api-key hash");
      }
      if (beneficiary != null && beneficiary.isBlank()) {
        throw new UserException("--beneficiary is empty: give an id, or leave the option out");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(ApiKeys.hashedEntry(key, Optional.ofNullable(beneficiary).map(String::trim)));
      out.flush();
      return 0;
    }

    /** The key: stdin, without its final line break. */
    private String readKey() {
      try {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        return text.endsWith("\r\n")
            ? text.substring(0, text.length() - 2)
            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the key from stdin", e);
      }
    }
  }
}
