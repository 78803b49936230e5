package io.shardstream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kiota.ApiException;
import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.apicurio.registry.rest.client.models.RuleViolationProblemDetails;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns what the Apicurio client throws (its errors arrive wrapped a few levels deep, as kiota
 * {@link ApiException}s or Vert.x / JDK I/O exceptions) into the three failures callers act on
 * differently: unavailable (retry), incompatible schema (fix the schema), anything else.
 */
public final class RegistryFailures {
  private static final int NO_STATUS = -1;
  private static final String RULE_VIOLATION = "RuleViolationException";

  private RegistryFailures() {}

  /**
   * The HTTP status of the registry's answer inside {@code failure}, or -1 if it never answered.
   */
  public static int status(Throwable failure) {
    return find(failure, ApiException.class)
        .map(ApiException::getResponseStatusCode)
        .orElse(NO_STATUS);
  }

  /**
   * True when the registry did not answer at all, answered with a server error (5xx) or asked to
   * slow down (429): failures of the registry, not of the request.
   */
  public static boolean isUnavailable(Throwable failure) {
    int status = status(failure);
    if (status != NO_STATUS) {
      return status >= 500 || status == 429;
    }
    return thrownByHttpClient(failure)
        || find(failure, ConnectException.class).isPresent()
        || find(failure, UnknownHostException.class).isPresent()
        || find(failure, SocketTimeoutException.class).isPresent()
        || find(failure, TimeoutException.class).isPresent();
  }

  /** A registry exception whose message names what was being done, where, and what went wrong. */
  public static SchemaRegistryException describe(Throwable failure, String action, URI registry) {
    if (failure instanceof SchemaRegistryException known) {
      return known;
    }
    if (isUnavailable(failure)) {
      return new SchemaRegistryUnavailableException(
          "schema registry at "
              + registry
              + " is unavailable while "
              + action
              + ": "
              + rootMessage(failure),
          failure);
    }
    Optional<ProblemDetails> problem = find(failure, ProblemDetails.class);
    Optional<RuleViolationProblemDetails> violation =
        find(failure, RuleViolationProblemDetails.class);
    if (violation.isPresent()
        || problem.filter(p -> RULE_VIOLATION.equals(p.getName())).isPresent()) {
      List<String> causes =
          violation.map(RegistryFailures::causes).orElseGet(() -> causes(problem.get()));
      String title =
          violation
              .map(RuleViolationProblemDetails::getTitle)
              .orElseGet(() -> problem.get().getTitle());
      return new IncompatibleSchemaException(
          "schema registry at " + registry + " rejected a schema while " + action + ": " + title,
          causes,
          failure);
    }
    String answer =
        problem
            .map(
                details ->
                    "HTTP "
                        + details.getResponseStatusCode()
                        + " "
                        + problem(details.getTitle(), details.getDetail()))
            .orElseGet(() -> rootMessage(failure));
    return new SchemaRegistryException(
        "schema registry at " + registry + " failed while " + action + ": " + answer, failure);
  }

  private static List<String> causes(RuleViolationProblemDetails violation) {
    if (violation.getCauses() == null) {
      return List.of();
    }
    return violation.getCauses().stream()
        .map(cause -> cause(cause.getDescription(), cause.getContext()))
        .toList();
  }

  /**
   * Registry 3.3's core API answers a violation with HTTP 400 and {@code name:
   * RuleViolationException}, which the 3.1 client reads as plain ProblemDetails: the causes are
   * then among its untyped extra fields, as JSON nodes.
   */
  private static List<String> causes(ProblemDetails problem) {
    if (!(problem.getAdditionalData().get("causes") instanceof Iterable<?> causes)) {
      return List.of();
    }
    List<String> described = new ArrayList<>();
    for (Object cause : causes) {
      described.add(
          cause instanceof JsonNode json
              ? cause(json.path("description").asText(), json.path("context").asText(null))
              : String.valueOf(cause));
    }
    return described;
  }

  private static String cause(String description, String context) {
    return context == null ? description : description + " at " + context;
  }

  private static String problem(String title, String detail) {
    if (detail == null || detail.equals(title)) {
      return String.valueOf(title);
    }
    return title == null ? detail : title + " (" + detail + ")";
  }

  /**
   * Kiota's HTTP adapters throw plain RuntimeExceptions around transport errors (DNS, refused or
   * reset connections) while everything the registry answers becomes an {@link ApiException}; an
   * I/O exception alone proves nothing, as Avro reports truncated data as EOF.
   */
  private static boolean thrownByHttpClient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().startsWith("io.kiota.http.")) {
          return true;
        }
      }
    }
    return false;
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null
        ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (type.isInstance(suppressed)) {
          return Optional.of(type.cast(suppressed));
        }
      }
    }
    return Optional.empty();
  }
}
