package io.shardstream.bench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.bench.report.chart.LineChart.Point;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSamplerTest {

  @Test
  void ratesAreTheGrowthOfTheTotalPerSecondOfEachWindow() {
    List<Point> totals =
        List.of(new Point(0, 0), new Point(0.5, 100), new Point(1.0, 400), new Point(2.0, 400));

    assertThat(RateSampler.rates(totals, 0.5))
        .containsExactly(
            new Point(0.5, 200), new Point(1.0, 600), new Point(1.5, 0), new Point(2.0, 0));
  }

  @Test
  void theTotalIsInterpolatedBetweenSamplesAndTheLastWindowMayBeShort() {
    List<Point> totals = List.of(new Point(0, 0), new Point(1, 100), new Point(3, 100));

    assertThat(RateSampler.rates(totals, 2)).containsExactly(new Point(2, 50), new Point(3, 0));
  }

  @Test
  void theWindowIsATenthOfAShortRunAndA25thOfALongOne() {
    assertThat(RateSampler.window(List.of(new Point(0, 0), new Point(5, 9)))).isEqualTo(0.5);
    assertThat(RateSampler.window(List.of(new Point(10, 0), new Point(110, 9)))).isEqualTo(4);
    assertThat(RateSampler.window(List.of(new Point(0, 0), new Point(0.5, 9)))).isEqualTo(0.1);
  }

  @Test
  void theTotalsStartAtZeroAndEndWithEverythingAdded() {
    RateSampler sampler = RateSampler.start(Duration.ofHours(1));
    sampler.add(3);
    sampler.add(4);
    sampler.close();
    sampler.close();

    List<Point> totals = sampler.totals();
    assertThat(totals).hasSize(2);
    assertThat(totals.get(0).y()).isZero();
    assertThat(totals.get(1).y()).isEqualTo(7);
  }
}
