package io.shardstream.queryapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.shardstream.queryapi.ops.DeadLetter;
import io.shardstream.queryapi.ops.DeadLetterLog;
import io.shardstream.queryapi.ops.DeadLetterWatch;
import io.shardstream.queryapi.ops.EventDecoding;
import io.shardstream.queryapi.ops.Operations;
import io.shardstream.queryapi.ops.OpsSettings;
import io.shardstream.queryapi.ops.PipelineWatch;
import io.shardstream.service.Problem;
import io.shardstream.service.ProblemException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/dead-letters} and {@code /v1/pipeline}: what the writer refused (with the original
 * events: every beneficiary's data) and how the pipeline is doing. Both are for operators, so only
 * a full-access key sees them; a beneficiary-bound key gets 403.
 */
final class OperationsRoutes {
  static final String DEAD_LETTERS = "/v1/dead-letters";
  static final String PIPELINE = "/v1/pipeline";

  private final Operations operations;

  OperationsRoutes(Operations operations) {
    this.operations = operations;
  }

  void install(RoutesConfig routes) {
    routes.get(DEAD_LETTERS, this::deadLetters);
    routes.get(PIPELINE, this::pipeline);
  }

  private void deadLetters(Context ctx) {
    fullAccessOnly(ctx, "dead letters hold the original events of every beneficiary");
    DeadLetterWatch watch = operations.deadLetters().orElseThrow(OperationsRoutes::noKafka);
    DeadLetterLog.Snapshot snapshot = watch.log().snapshot();
    EventDecoding decoding = operations.decoding();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("topic", watch.topic());
    body.put("status", watch.status());
    body.put("caughtUp", watch.caughtUp());
    body.put("total", snapshot.total());
    body.put("byReason", snapshot.byReason());
    body.put("latest", snapshot.latest().stream().map(l -> json(l, decoding)).toList());
    ctx.json(body);
  }

  private void pipeline(Context ctx) {
    fullAccessOnly(ctx, "the pipeline's health is for operators");
    PipelineWatch watch = operations.pipeline().orElseThrow(OperationsRoutes::noKafka);
    ctx.json(watch.latest());
  }

  /** Takes no query parameters (an unknown one is a 400, as on every route); full access only. */
  private static void fullAccessOnly(Context ctx, String why) {
    RequestParameters.of(ctx, Set.of()).throwIfInvalid();
    if (ApiKeyAuth.caller(ctx).bound()) {
      throw Problems.forbidden(
          why + ": only a full-access API key (one not bound to a beneficiary) may see them");
    }
  }

  private static ProblemException noKafka() {
    return new ProblemException(Problem.of(503, "Service Unavailable", OpsSettings.kafkaMissing()));
  }

  private static Map<String, Object> json(DeadLetter letter, EventDecoding decoding) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reason", letter.reason());
    json.put("detail", letter.detail());
    json.put("partition", letter.partition());
    json.put("offset", letter.offset());
    json.put("time", Instant.ofEpochMilli(letter.timestamp()).toString());
    Map<String, Object> source = new LinkedHashMap<>();
    letter.headers().forEach((name, value) -> source.put(sourceName(name), value));
    json.put("source", source);
    Map.Entry<String, Boolean> key = EventDecoding.key(letter.key());
    if (key != null) {
      json.put(key.getValue() ? "keyBase64" : "key", key.getKey());
    }
    EventDecoding.Shown value = decoding.value(letter);
    if (value.json() != null) {
      json.put("event", value.json());
    } else {
      json.put("eventBase64", value.base64());
      json.put("eventNotDecoded", value.problem());
    }
    return json;
  }

  /** {@code source.topic} → {@code topic}, {@code event.id} → {@code eventId}. */
  private static String sourceName(String header) {
    String name = header.startsWith("source.") ? header.substring("source.".length()) : header;
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '.' || c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
