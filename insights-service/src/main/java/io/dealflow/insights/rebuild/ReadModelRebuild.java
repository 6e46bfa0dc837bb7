package io.dealflow.insights.rebuild;

import io.dealflow.insights.activity.ActivityEvents;
import io.dealflow.insights.pipeline.DealEvents;
import io.dealflow.insights.rebuild.ReadModelTables.State;
import io.dealflow.platform.events.EventReplay;
import io.dealflow.platform.events.EventReplay.Replayed;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the read models (the pipeline's deals and the sales activity) from the topics: empties
 * their tables, then replays each consumer's topics from the earliest retained event up to their
 * end at that moment ({@link EventReplay}). The consumers go on meanwhile; every change is applied
 * by event time, so an event applied by both ends the same. Insights already raised stay, with
 * their statuses. Until it finishes, analytics see part of the history.
 */
@Service
public class ReadModelRebuild {

  /** Events applied per transaction. */
  static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

  private final ReadModelTables tables;
  private final EventReplay replay;

  ReadModelRebuild(ReadModelTables tables, EventReplay replay) {
    this.tables = tables;
    this.replay = replay;
  }

  /** Starts a rebuild in the background; false when one is running already. */
  public boolean start() {
    if (!tables.claim(INSTANCE)) {
      return false;
    }
    Thread.ofVirtual().name("read-model-rebuild").start(this::run);
    return true;
  }

  /** The running rebuild, if any, and the last one's report. */
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    State state = tables.state().orElse(new State(null, null, null, null));
    status.put("running", state.runningSince() != null);
    status.put("runningSince", state.runningSince());
    status.put("startedBy", state.startedBy());
    status.put("lastFinishedAt", state.finishedAt());
    status.put("lastReport", state.report() == null ? null : JSON.readTree(state.report()));
    return status;
  }

  private void run() {
    long started = System.nanoTime();
    Map<String, Object> report = new LinkedHashMap<>();
    try {
      tables.clear();
      log.info("Read model emptied ({}); replaying the topics", ReadModelTables.TABLES);
      List<Replayed> replayed = new ArrayList<>();
      for (String consumer : List.of(DealEvents.CONSUMER, ActivityEvents.CONSUMER)) {
        replayed.add(replay.replay(consumer, BATCH));
      }
      report.put("outcome", "done");
      report.put("consumers", replayed);
      report.put("events", replayed.stream().mapToLong(Replayed::events).sum());
    } catch (RuntimeException e) {
      log.error("The read model rebuild failed; run it again", e);
      report.put("outcome", "failed");
      report.put("error", e.toString());
    } finally {
      report.put("seconds", (System.nanoTime() - started) / 1e9);
      tables.release(JSON.writeValueAsString(report));
    }
  }
}
