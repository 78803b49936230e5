package io.shardstream.bench.writer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.bench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a {@link WriterReport} to a file: JSON for a {@code .json} name, Markdown otherwise. */
final class WriterReportFile {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private WriterReportFile() {}

  static void write(Path file, WriterReport report) {
    ReportFiles.write(file, () -> json(report), () -> markdown(report));
  }

  static String json(WriterReport report) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", "writer");
    root.put("events", report.writer().events());
    root.put("seed", report.settings().seed());
    root.put("users", report.users());
    root.put("emails", report.emails());
    root.put("partitions", report.settings().partitions());
    root.put("globalIndexes", report.globalIndexes());
    root.put("dynamoDbLocal", report.dynamoDbLocalVersion());
    root.put("produceSeconds", seconds(report.produce().elapsed()));

    WriterReport.WriterSide writer = report.writer();
    ObjectNode w = root.putObject("writer");
    ObjectNode settings = w.putObject("settings");
    WriterReport.KEY_SETTINGS.forEach(key -> settings.put(key, report.setting(key)));
    report.settings().writerSettings().forEach(settings::put);
    w.put("xmx", writer.xmx());
    ObjectNode outcomes = w.putObject("outcomes");
    writer.outcomes().forEach((outcome, count) -> outcomes.put(outcome, Math.round(count)));
    w.put("seconds", seconds(writer.elapsed()));
    w.put("eventsPerSecond", report.writerEventsPerSecond());
    w.put("startupSeconds", seconds(writer.startup()));
    w.put("steadySeconds", seconds(writer.steady()));
    w.put("steadyEventsPerSecond", Math.round(writer.steadyEventsPerSecond()));
    w.put("flushes", writer.flushes());
    w.put("flushedOperations", writer.flushedOperations());
    w.put("batchWriteRequests", writer.requests());
    w.put("retries", writer.retries());
    w.put("unprocessedItems", writer.unprocessed());
    w.put("heapAfterGcBytes", writer.heapAfterGc());
    w.put("heapAfterGcHow", writer.heapAfterGcHow());
    w.put("heapPeakBytes", writer.heapPeak());
    w.put("heapMaxBytes", writer.heapMax());
    w.put("rssAtEndBytes", writer.rssAtEnd());
    w.put("rssPeakBytes", writer.rssPeak());

    RawCeiling.Result raw = report.raw();
    ObjectNode r = root.putObject("raw");
    r.put("items", raw.items());
    r.put("seconds", seconds(raw.elapsed()));
    r.put("itemsPerSecond", report.rawItemsPerSecond());
    r.put("concurrentBatches", raw.concurrentBatches());
    r.put("requests", raw.requests());
    r.put("retries", raw.retries());
    var trials = r.putArray("calibration");
    for (RawCeiling.Trial trial : raw.trials()) {
      ObjectNode t = trials.addObject();
      t.put("concurrentBatches", trial.concurrentBatches());
      t.put("items", trial.items());
      t.put("itemsPerSecond", Math.round(trial.itemsPerSecond()));
    }
    var runs = root.putArray("runs");
    for (WriterReport.Run run : report.runs()) {
      ObjectNode o = runs.addObject();
      o.put("writerEventsPerSecond", run.writerEventsPerSecond());
      o.put("rawItemsPerSecond", run.rawItemsPerSecond());
      o.put("ratio", Math.round(run.ratio() * 100) / 100.0);
      o.put("median", run == report.median());
      TimeSplit split = run.split();
      ObjectNode s = o.putObject("writerTime");
      s.put("steadySeconds", seconds(split.steady()));
      s.put("sinkSeconds", Math.round(split.sinkSeconds() * 10) / 10.0);
      s.put("transactionSeconds", Math.round(split.transactionSeconds() * 10) / 10.0);
      ObjectNode cpu = s.putObject("streamThreadCpuSamples");
      split.streamThreadCpu().forEach(cpu::put);
      s.put("otherThreadCpuSamples", split.otherThreadSamples());
    }
    root.put("ratio", Double.parseDouble(report.ratio()));
    root.put("machine", report.machine());
    root.put("totalTimeSeconds", seconds(report.totalTime()));
    root.put("resultLine", report.resultLine());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  static String markdown(WriterReport report) {
    StringBuilder out = new StringBuilder("# shardstream bench writer\n\n");
    for (String line : report.text().strip().split("\n")) {
      if (line.isBlank() || line.equals("shardstream bench writer")) {
        continue;
      }
      if (line.equals(report.resultLine())) {
        break;
      }
      out.append("- ").append(line).append('\n');
    }
    out.append("\n```\n").append(report.resultLine()).append("\n```\n");
    return out.toString();
  }

  private static double seconds(java.time.Duration duration) {
    return Math.round(duration.toMillis() / 100.0) / 10.0;
  }
}
