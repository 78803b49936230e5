package io.shardstream.demo;

import io.shardstream.core.canonical.Canonicalizer;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The example requests {@code shardstream demo} prints once its data is in. */
final class DemoExamples {
  private DemoExamples() {}

  static void print(PrintWriter out, URI api, DemoFeed.Result fed) {
    out.println();
    out.println("Try:");
    out.println("  curl -s '" + api + "/v1/users?sort=created&order=desc&limit=5'");
    fed.sampleUser()
        .ifPresent(
            user -> {
              String prefix = Canonicalizer.canonicalize(user.getLastName());
              prefix = prefix.substring(0, Math.min(3, prefix.length()));
              out.println("  curl -s '" + api + "/v1/users/" + encode(user.getUserId()) + "'");
              out.println(
                  "  curl -s '" + api + "/v1/users/" + encode(user.getUserId()) + "/emails'");
              out.println(
                  "  curl -s '"
                      + api
                      + "/v1/users?name="
                      + encode(prefix)
                      + "&limit=10'"
                      + "   # first or last name starting with '"
                      + prefix
                      + "', across every shard");
              out.println(
                  "  curl -s '"
                      + api
                      + "/v1/users?beneficiaryId="
                      + encode(user.getBeneficiaryId())
                      + "&sort=name&limit=10'");
            });
    out.println("  curl -s '" + api + "/v1/emails?limit=5'");
    out.println("  curl -s '" + api + "/v1/users?limit=0'   # a 400 problem+json");
    out.println("  # each page's \"nextCursor\": pass it back as &cursor=... for the next page");
    out.println(
        "  curl -sN '" + api + "/v1/changes'   # live changes as server-sent events (Ctrl-C ends)");
    out.println();
  }

  /** The Person model's requests: routes generated from its configuration. */
  static void printPerson(PrintWriter out, URI api, DemoPersonFeed.Result fed) {
    out.println();
    out.println("Try:");
    out.println("  curl -s '" + api + "/v1/persons?limit=5'   # every person, in createdAt order");
    fed.samplePerson()
        .ifPresent(
            person -> {
              String id = encode(person.get("id").toString());
              String prefix = Canonicalizer.canonicalize(person.get("lastName").toString());
              prefix = prefix.substring(0, Math.min(3, prefix.length()));
              out.println(
                  "  curl -s '"
                      + api
                      + "/v1/persons/"
                      + id
                      + "?include=all'   # with every related item, from one Query");
              for (String children :
                  java.util.List.of("addresses", "bankAccounts", "contactInfos", "employments")) {
                out.println("  curl -s '" + api + "/v1/persons/" + id + "/" + children + "'");
              }
              out.println(
                  "  curl -s '"
                      + api
                      + "/v1/persons?name="
                      + encode(prefix)
                      + "&limit=10'   # first or last name starting with '"
                      + prefix
                      + "'");
            });
    out.println("  curl -s '" + api + "/openapi.json'   # the routes, generated from the config");
    out.println();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
