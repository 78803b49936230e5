package io.shardstream.app;

import io.shardstream.dynamo.control.ControlRecord;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.replay.ReplayRun;
import io.shardstream.writer.replay.ReplayService;
import io.shardstream.writer.replay.ReplayVerifier;
import java.io.PrintWriter;

/**
 * What {@code shardstream replay} prints of each phase: a progress bar (on stderr) while it catches
 * up, then a line per phase; a failed verification lists its differences on stderr.
 */
final class ReplayPrinter implements ReplayService.Listener {
  private final ProgressDisplay progress;
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean started;

  ReplayPrinter(PrintWriter out, PrintWriter err, ProgressDisplay progress) {
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  @Override
  public void started(WriterSettings replay) {
    out.println(
        "replay "
            + replay.applicationId()
            + ": "
            + String.join(" + ", replay.topics().sources())
            + " from the earliest offsets -> table "
            + replay.table()
            + " (config version "
            + replay.entityConfig().version()
            + ")");
    out.flush();
  }

  @Override
  public void progress(ReplayRun.Progress p) {
    if (!started) {
      progress.start("replay", "events", 1, p.sourceRecords());
      started = true;
    }
    progress.stepTo(p.sourceDone());
    progress.message(
        String.format(
            "lag %d (internal %d), %.0f events/s",
            p.sourceLag(), p.internalLag(), p.eventsPerSecond()));
  }

  @Override
  public void caughtUp(ReplayRun.Summary outcome) {
    progress.close();
    out.println(
        "caught up: "
            + outcome.events()
            + " events in "
            + outcome.elapsed().toSeconds()
            + " s; verifying");
    out.flush();
  }

  @Override
  public void verified(ReplayVerifier.Report report) {
    out.println(
        "items per entity: projection "
            + report.expectedCounts()
            + ", table "
            + report.tableCounts()
            + "; "
            + report.sampled()
            + " items compared in full");
    if (report.passed()) {
      out.println("verification passed");
      return;
    }
    err.println(
        "verification FAILED: "
            + report.differenceCount()
            + " differences"
            + (report.differenceCount() > report.differences().size()
                ? " (first " + report.differences().size() + ")"
                : "")
            + ":");
    report.differences().forEach(d -> err.println("  " + d));
    err.println("the control record was not changed");
  }

  @Override
  public void cutOver(String controlTable, ControlRecord record) {
    out.println("cut-over: control table " + controlTable + " -> " + record.describe());
    out.flush();
  }

  @Override
  public void noCutOver() {
    out.println("--no-cutover: the control record was not changed");
  }

  @Override
  public void following(WriterSettings replay, int httpPort) {
    out.println(
        "following: new events go on into "
            + replay.table()
            + " (application id "
            + replay.applicationId()
            + "; /metrics and /health on port "
            + httpPort
            + "); Ctrl-C stops it");
    out.flush();
  }
}
