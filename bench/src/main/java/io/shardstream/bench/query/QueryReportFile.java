package io.shardstream.bench.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.bench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a {@link QueryReport} to a file: JSON for a {@code .json} name, Markdown otherwise. */
public final class QueryReportFile {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private QueryReportFile() {}

  public static void write(Path file, QueryReport report) {
    ReportFiles.write(file, () -> json(report), () -> markdown(report));
  }

  static String json(QueryReport report) throws IOException {
    QuerySetup setup = report.setup();
    ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", "query");
    root.put("users", setup.users());
    root.put("seed", setup.seed());
    root.put("data", setup.data());
    root.put("table", setup.table());
    ObjectNode fill = root.putObject("fill");
    fill.put("items", setup.fill().items());
    fill.put("seconds", setup.fill().elapsed().toMillis() / 1000.0);
    fill.put("itemsPerSecond", setup.fill().itemsPerSecond());
    fill.put("requests", setup.fill().requests());
    fill.put("retries", setup.fill().retries());
    fill.put("concurrentBatches", setup.fill().concurrentBatches());
    root.put("shards", setup.shards());
    root.put("fanOutIndexes", setup.fanOutIndexes());
    root.put("fanOutPartitions", setup.fanOutPartitions());
    root.put("fanOutSearch", setup.fanOutSearch());
    root.put("singleSearch", setup.singleSearch());
    root.put("limit", setup.limit());
    root.put("warmupPages", setup.warmupPages());
    root.put("pages", setup.pages());
    root.put("depth", setup.depth());
    root.put("parallelism", setup.parallelism());
    root.put("client", setup.client());
    setup.checks().forEach(root.putArray("checks")::add);
    root.put("machine", setup.machine());
    var sides = root.putArray("sides");
    for (SideStats side : report.sides()) {
      ObjectNode node = sides.addObject();
      node.put("name", side.name());
      node.put("pages", side.pages());
      node.put("firstPages", side.firstPages());
      node.put("p50Ms", side.p50Ms());
      node.put("p90Ms", side.p90Ms());
      node.put("p99Ms", side.p99Ms());
      node.put("maxMs", side.maxMs());
      node.put("meanMs", side.meanMs());
      node.put("requestsPerPage", side.requestsPerPage());
      node.put("partitionsPerPage", side.partitionsPerPage());
      node.put("itemsReadPerPage", side.itemsReadPerPage());
      node.put("itemsPerPage", side.itemsPerPage());
      node.put("readsPerItem", side.readsPerItem());
      node.put("roundTripsPerPage", side.roundTripsPerPage());
      node.put("readUnitsPerPage", side.readUnitsPerPage());
    }
    root.put("p50Ratio", Double.parseDouble(report.p50Ratio()));
    root.put("totalTimeSeconds", report.totalTime().toMillis() / 1000.0);
    root.put("resultLine", report.resultLine());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  static String markdown(QueryReport report) {
    QuerySetup setup = report.setup();
    StringBuilder out = new StringBuilder("# shardstream bench query\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%,d users (seed %d). A %d-item page of a %d-shard × %d-index search (%d partitions)"
                + " next to a single-partition one.%n%n",
            setup.users(),
            setup.seed(),
            setup.limit(),
            setup.shards(),
            setup.fanOutIndexes(),
            setup.fanOutPartitions()));
    out.append("- data: ").append(setup.data()).append('\n');
    out.append("- table: ").append(setup.table()).append('\n');
    out.append("- fill: ").append(QueryReport.describe(setup.fill())).append('\n');
    out.append("- fan-out: ").append(setup.fanOutSearch()).append('\n');
    out.append("- single: ").append(setup.singleSearch()).append('\n');
    out.append("- client: ").append(setup.client()).append('\n');
    setup.checks().forEach(check -> out.append("- check: ").append(check).append('\n'));
    out.append("- machine: ").append(setup.machine()).append("\n\n");
    out.append(
        "| side | pages | first pages | p50 ms | p90 ms | p99 ms | max ms | requests/page |"
            + " partitions/page | read/page | items/page | reads/item | round trips/page | read units/page |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SideStats side : report.sides()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s |%n",
              side.name(),
              side.pages(),
              side.firstPages(),
              side.p50Ms(),
              side.p90Ms(),
              side.p99Ms(),
              side.maxMs(),
              QueryReport.twoDecimals(side.requestsPerPage()),
              QueryReport.twoDecimals(side.partitionsPerPage()),
              QueryReport.twoDecimals(side.itemsReadPerPage()),
              QueryReport.twoDecimals(side.itemsPerPage()),
              QueryReport.twoDecimals(side.readsPerItem()),
              QueryReport.twoDecimals(side.roundTripsPerPage()),
              QueryReport.twoDecimals(side.readUnitsPerPage())));
    }
    out.append("\nTotal run time ").append(QueryReport.seconds(report.totalTime())).append(".\n\n");
    out.append("```\n").append(report.resultLine()).append("\n```\n");
    return out.toString();
  }
}
