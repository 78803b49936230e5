package io.shardstream.queryapi;

import io.shardstream.core.query.CursorException;
import io.shardstream.service.Problem;
import java.util.Arrays;

/**
 * The kinds of 400 this API answers, each with its own problem {@code type} URI so a client can
 * tell them apart without reading titles: the handlers build their problems from here and {@link
 * OpenApiDocument} lists them in {@code /openapi.json}. The URIs are identifiers, not locators;
 * their documentation is the OpenAPI document. Problems whose status says everything (401, 403,
 * 404, 405, 5xx, and 400s about the HTTP request itself) keep RFC 9457's {@code about:blank}.
 */
enum ProblemType {
  INVALID_PARAMETERS(
      "invalid-parameters",
      "Invalid request parameters",
      null,
      "One or more query or path parameters are unknown, repeated, empty, too long or have a bad "
          + "value; `errors` lists every one with its reason. Fix them and send again."),
  INVALID_SEARCH(
      "invalid-search",
      "Invalid search",
      null,
      "Every parameter is valid but together they ask for a search this API does not plan. "
          + "Change the search."),
  MALFORMED_CURSOR(
      "malformed-cursor",
      null,
      CursorException.Kind.MALFORMED,
      "`cursor` is not one this server writes (bad encoding, truncated). Pass `nextCursor` as "
          + "received, or start again without a cursor."),
  TAMPERED_CURSOR(
      "tampered-cursor",
      null,
      CursorException.Kind.TAMPERED,
      "`cursor`'s signature does not verify: it was altered, or signed with another key (servers "
          + "behind one load balancer need the same `cursor.key`). Start again without a cursor."),
  FOREIGN_CURSOR(
      "foreign-cursor",
      null,
      CursorException.Kind.FOREIGN_QUERY,
      "`cursor` belongs to another search: only `limit` may change between pages. Send the "
          + "parameters of the search that returned it, or start again without a cursor."),
  STALE_CURSOR(
      "stale-cursor",
      null,
      CursorException.Kind.STALE_CONFIG,
      "`cursor` was written under an older entity configuration (the table was rebuilt since). "
          + "Start the search again without a cursor."),
  UNSUPPORTED_CURSOR_VERSION(
      "unsupported-cursor-version",
      null,
      CursorException.Kind.UNSUPPORTED_VERSION,
      "`cursor` has a format this server does not read. Start the search again without a cursor.");

  /** Every type URI is this followed by the type's slug. */
  static final String URI_PREFIX = "urn:shardstream:problem:";

  private final String slug;
  private final String title;
  private final CursorException.Kind cursorKind;
  private final String description;

  ProblemType(String slug, String title, CursorException.Kind cursorKind, String description) {
    this.slug = slug;
    // A cursor problem's title is the one core gives its kind.
    this.title = cursorKind == null ? title : cursorKind.title();
    this.cursorKind = cursorKind;
    this.description = description;
  }

  /** The problem's {@code type}, e.g. {@code urn:shardstream:problem:tampered-cursor}. */
  String uri() {
    return URI_PREFIX + slug;
  }

  String title() {
    return title;
  }

  /** What it means and what the client should do, for the OpenAPI document. */
  String description() {
    return description;
  }

  /** A 400 of this type. */
  Problem problem(String detail) {
    return new Problem(uri(), title, 400, detail, null);
  }

  /** The type for a cursor the searcher refused. */
  static ProblemType of(CursorException.Kind kind) {
    return Arrays.stream(values())
        .filter(type -> type.cursorKind == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no problem type for cursor kind " + kind));
  }
}
