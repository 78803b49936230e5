package io.shardstream.ingest.generate;

/**
 * Turns the options' rates (shares of emitted events) into the probabilities of each draw. Every
 * draw emits one event except an out-of-order draw, which emits two (the newer update now, the
 * overtaken older one next), so the shares are rescaled: with out-of-order share {@code o}, a draw
 * emits {@code 1 / (1 - o)} events on average.
 */
final class CategoryMix {
  enum Category {
    CREATE,
    UPDATE,
    DELETE,
    DUPLICATE,
    OUT_OF_ORDER,
    INVALID
  }

  private final double update;
  private final double delete;
  private final double duplicate;
  private final double outOfOrder;
  private final double invalid;

  CategoryMix(GeneratorOptions options) {
    double perDraw = 1 - options.outOfOrderRate();
    this.outOfOrder = options.outOfOrderRate() / perDraw;
    // The newer half of each out-of-order pair is an update already.
    this.update = Math.max(0, options.updateRate() - options.outOfOrderRate()) / perDraw;
    this.delete = options.deleteRate() / perDraw;
    this.duplicate = options.duplicateRate() / perDraw;
    this.invalid = options.invalidRate() / perDraw;
  }

  /** The category for a uniform draw {@code u} in [0, 1). */
  Category pick(double u) {
    double bound = invalid;
    if (u < bound) {
      return Category.INVALID;
    }
    if (u < (bound += duplicate)) {
      return Category.DUPLICATE;
    }
    if (u < (bound += outOfOrder)) {
      return Category.OUT_OF_ORDER;
    }
    if (u < (bound += update)) {
      return Category.UPDATE;
    }
    if (u < bound + delete) {
      return Category.DELETE;
    }
    return Category.CREATE;
  }
}
