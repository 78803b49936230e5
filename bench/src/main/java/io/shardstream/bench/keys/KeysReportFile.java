package io.shardstream.bench.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.bench.jmh.RateStatistics;
import io.shardstream.bench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a {@link KeysReport} to a file: JSON for a {@code .json} name, Markdown otherwise. */
public final class KeysReportFile {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private KeysReportFile() {}

  public static void write(Path file, KeysReport report) {
    ReportFiles.write(file, () -> json(report), () -> markdown(report));
  }

  static String json(KeysReport report) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", "keys");
    root.put("items", report.workload().items());
    root.put("seed", report.workload().seed());
    root.put("config", report.workload().config());
    root.put("workPerItem", KeysWorkloadSummary.WORK_PER_ITEM);
    root.put("note", KeysWorkloadSummary.SHARD_NOTE);
    ArrayNode sides = root.putArray("sides");
    for (SideResult side : report.sides()) {
      RateStatistics rates = side.rates();
      ObjectNode node = sides.addObject();
      node.put("name", side.name());
      node.put("method", side.method());
      node.put("runtime", side.runtime());
      node.put("meanItemsPerSecond", rates.mean());
      node.put("error99_9", rates.error99_9());
      node.put("standardDeviation", rates.standardDeviation());
      rates.rates().forEach(node.putArray("iterationItemsPerSecond")::add);
      node.put("wallTimeSeconds", side.wallTime().toMillis() / 1000.0);
    }
    root.put("ratio", Double.parseDouble(report.ratio()));
    root.put("totalTimeSeconds", report.totalTime().toMillis() / 1000.0);
    root.put("resultLine", report.resultLine());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  static String markdown(KeysReport report) {
    StringBuilder out = new StringBuilder("# shardstream bench keys\n\n");
    out.append(report.workload().describe()).append(".\n\n");
    out.append("Work per item, both sides: ")
        .append(KeysWorkloadSummary.WORK_PER_ITEM)
        .append(".\n\n");
    out.append("| side | mean items/s | ±99.9% CI | stddev | method | runtime | wall time |\n");
    out.append("|---|---:|---:|---:|---|---|---:|\n");
    for (SideResult side : report.sides()) {
      RateStatistics rates = side.rates();
      out.append("| ")
          .append(side.name())
          .append(" | ")
          .append(KeysReport.whole(rates.mean()))
          .append(" | ±")
          .append(KeysReport.whole(rates.error99_9()))
          .append(" | ")
          .append(KeysReport.whole(rates.standardDeviation()))
          .append(" | ")
          .append(side.method())
          .append(" | ")
          .append(side.runtime())
          .append(" | ")
          .append(KeysReport.seconds(side.wallTime()))
          .append(" |\n");
    }
    out.append("\n").append(KeysWorkloadSummary.SHARD_NOTE).append("\n\n");
    out.append("```\n").append(report.resultLine()).append("\n```\n");
    return out.toString();
  }
}
