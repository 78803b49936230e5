package io.shardstream.queryapi;

import io.shardstream.service.Problem;
import io.shardstream.service.ProblemException;
import java.util.List;
import java.util.Map;

/** The problems this API answers with, beyond service-support's generic ones. */
final class Problems {
  private Problems() {}

  /** 400 listing every invalid parameter in {@code errors}. */
  static ProblemException invalidParameters(List<ParameterError> errors) {
    String names =
        String.join(", ", errors.stream().map(ParameterError::parameter).distinct().toList());
    return new ProblemException(
        ProblemType.INVALID_PARAMETERS
            .problem((errors.size() == 1 ? "Invalid parameter: " : "Invalid parameters: ") + names)
            .with(
                "errors",
                errors.stream()
                    .map(e -> Map.of("parameter", e.parameter(), "message", e.message()))
                    .toList()));
  }

  static ProblemException invalidParameter(String parameter, String message) {
    return invalidParameters(List.of(new ParameterError(parameter, message)));
  }

  /** 400: valid parameters asking together for a search this API does not plan. */
  static ProblemException invalidSearch(String detail) {
    return new ProblemException(ProblemType.INVALID_SEARCH.problem(detail));
  }

  static ProblemException unauthorized(String detail) {
    return new ProblemException(Problem.of(401, "Unauthorized", detail));
  }

  static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "Forbidden", detail));
  }

  static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not Found", detail));
  }
}
