package io.shardstream.queryapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.shardstream.service.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problems for the errors Jetty answers before a request reaches Javalin (a request line or header
 * it cannot parse, a URI it refuses), which would otherwise be HTML error pages; and room in the
 * request head for the longest cursor a client may send.
 */
final class JettyProblems {
  /** A 16 KB cursor plus every other parameter, percent-encoded, plus headers. */
  static final int REQUEST_HEADER_BYTES = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private JettyProblems() {}

  static void install(JavalinConfig config) {
    config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
  }

  static byte[] body(int status, String reason) {
    String title = HttpStatus.getMessage(status);
    Problem problem =
        Problem.of(
            status,
            title == null ? "Error" : title,
            reason == null || reason.isBlank() ? title : reason);
    try {
      return JSON.writeValueAsBytes(problem.toJson(null));
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Jetty's error handler, writing problem+json and never a stack trace. */
  static final class ProblemErrorHandler extends ErrorHandler {
    ProblemErrorHandler() {
      setShowStacks(false);
      setShowCauses(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
      return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback)
        throws IOException {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
      response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }
  }
}
