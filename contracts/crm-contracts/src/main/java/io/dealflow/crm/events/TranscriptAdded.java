package io.dealflow.crm.events;

import java.util.List;
import java.util.UUID;

/**
 * A transcript line was added to a conversation; the data of the Spotlight {@code
 * transcript_update} channel message.
 *
 * @param transcriptId the transcript
 * @param conversationId its conversation
 * @param content what was said
 * @param speaker who said it (assistant, human, ...)
 * @param sentiment positive, neutral or negative (given, or computed)
 * @param timestamp seconds from the conversation's start
 * @param keywords the line's keywords (given, or extracted)
 */
public record TranscriptAdded(
    UUID transcriptId,
    UUID conversationId,
    String content,
    String speaker,
    String sentiment,
    double timestamp,
    List<String> keywords) {

  public TranscriptAdded {
    keywords = List.copyOf(keywords);
  }
}
