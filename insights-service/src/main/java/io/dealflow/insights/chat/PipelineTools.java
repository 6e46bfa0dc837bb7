package io.dealflow.insights.chat;

import io.dealflow.insights.chat.PipelineChat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The workspace's metric functions as tools a model may call, for one question. Each answers with
 * the sentence the offline chat would give for that metric, figures included, and keeps it: the
 * model's answer may only state numbers that one of them returned.
 */
final class PipelineTools {

  private final PipelineChat chat;
  private final UUID workspaceId;
  private final List<Reply> results = new ArrayList<>();

  PipelineTools(PipelineChat chat, UUID workspaceId) {
    this.chat = chat;
    this.workspaceId = workspaceId;
  }

  /** What the tools returned, in the order they were called. */
  synchronized List<Reply> results() {
    return List.copyOf(results);
  }

  @Tool(
      name = "win_rate",
      description = "The workspace's win rate (won / (won + lost)) and its counts over a period")
  String winRate(
      @ToolParam(description = "this month, this quarter, this year, or the last 90 days")
          String period) {
    return keep(() -> chat.winRate(workspaceId, period));
  }

  @Tool(
      name = "conversion",
      description =
          "The funnel over a period: deals created, how many reached each stage, the win rate")
  String conversion(
      @ToolParam(description = "this month, this quarter, this year, or the last 90 days")
          String period) {
    return keep(() -> chat.conversion(workspaceId, period));
  }

  @Tool(
      name = "forecast",
      description =
          "The value expected to close in the next 30 or 90 days, with its 80% range, from the"
              + " open deals weighted by the workspace's own win rates per stage")
  String forecast(@ToolParam(description = "next month or next quarter") String horizon) {
    return keep(() -> chat.forecast(workspaceId, horizon));
  }

  @Tool(
      name = "open_pipeline",
      description = "The open deals: how many, their value, and their value weighted by stage")
  String openPipeline() {
    return keep(() -> chat.pipeline(workspaceId));
  }

  @Tool(
      name = "stalled_deals",
      description =
          "Open deals without a stage change for 14 days or more, the most valuable three by name")
  String stalledDeals() {
    return keep(() -> chat.stalled(workspaceId));
  }

  private String keep(Supplier<Reply> metric) {
    Reply reply = metric.get();
    synchronized (this) {
      results.add(reply);
    }
    return reply.response();
  }
}
