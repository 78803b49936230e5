package io.shardstream.service;

/** Thrown by a handler to answer with a problem detail instead of the normal response. */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.title() + ": " + problem.detail());
    this.problem = problem;
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not Found", detail));
  }

  public Problem problem() {
    return problem;
  }
}
