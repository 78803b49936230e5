package io.shardstream.bench.writer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Samples of a Prometheus text exposition ({@code /metrics}), enough to add counters up. */
public final class PrometheusText {
  /** One sample: metric name, labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(sample(line));
      } catch (RuntimeException e) {
        // a line this reader does not understand: not one it needs
      }
    }
    return new PrometheusText(samples);
  }

  private static Sample sample(String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name;
    String rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (i < line.length() && line.charAt(i) != '}') {
        int equals = line.indexOf('=', i);
        String label = line.substring(i, equals).trim();
        StringBuilder value = new StringBuilder();
        int j = equals + 2; // after ="
        while (line.charAt(j) != '"') {
          if (line.charAt(j) == '\\') {
            j++;
          }
          value.append(line.charAt(j));
          j++;
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
      rest = line.substring(i + 1).trim();
    } else {
      name = line.substring(0, space);
      rest = line.substring(space + 1).trim();
    }
    String value = rest.split("\\s+")[0];
    return new Sample(name, labels, Double.parseDouble(value));
  }

  /** The sum of a metric's samples whose labels pass {@code filter}; 0 when there are none. */
  public double sum(String name, Predicate<Map<String, String>> filter) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && filter.test(s.labels()))
        .mapToDouble(Sample::value)
        .sum();
  }

  double sum(String name) {
    return sum(name, labels -> true);
  }

  boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The sum by the value of one label. */
  Map<String, Double> sumBy(String name, String label) {
    Map<String, Double> sums = new LinkedHashMap<>();
    samples.stream()
        .filter(s -> s.name().equals(name))
        .forEach(s -> sums.merge(s.labels().getOrDefault(label, ""), s.value(), Double::sum));
    return sums;
  }
}
