package io.dealflow.crm.conversation.audio;

/**
 * What an audio file belongs to, and how its upload is named on the wire.
 *
 * @see AudioStore
 */
public enum AudioOwner {
  /**
   * A conversation's recording: {@code POST /conversations/{id}/audio}, part {@code audio_file}.
   */
  CONVERSATION("conversation", "audio_file", "audio_file"),
  /** An assistant's voice sample: {@code POST /assistants/{id}/voice_sample}. */
  ASSISTANT("assistant", "voice_sample", "voice_sample");

  private final String kind;
  private final String part;
  private final String type;

  AudioOwner(String kind, String part, String type) {
    this.kind = kind;
    this.part = part;
    this.type = type;
  }

  /** The {@code owner_kind} column's value. */
  String kind() {
    return kind;
  }

  /** The multipart part that carries the bytes. */
  public String part() {
    return part;
  }

  /** The JSON:API type of the stored file. */
  public String type() {
    return type;
  }
}
