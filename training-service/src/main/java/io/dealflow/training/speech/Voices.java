package io.dealflow.training.speech;

import java.util.List;

/**
 * The voice ids the API accepts for the prospect, whatever engine speaks.
 *
 * <p>With the offline FreeTTS engine they are honestly one voice: FreeTTS ships only {@code
 * kevin16}, a male US English diphone voice, so each id is kevin16 at its own pitch, pitch range
 * and pace. The "female" ids sound higher, not female. The OpenAI engine maps each id to a distinct
 * real voice.
 */
public final class Voices {

  public static final String PROFESSIONAL_FEMALE = "professional_female";
  public static final String PROFESSIONAL_MALE = "professional_male";
  public static final String FRIENDLY_FEMALE = "friendly_female";
  public static final String FRIENDLY_MALE = "friendly_male";
  public static final String NEUTRAL = "neutral";

  /** Every accepted id, in the order the API documents them. */
  public static final List<String> IDS =
      List.of(PROFESSIONAL_FEMALE, PROFESSIONAL_MALE, FRIENDLY_FEMALE, FRIENDLY_MALE, NEUTRAL);

  /** The voice a session that names none gets. */
  public static final String DEFAULT = PROFESSIONAL_FEMALE;

  private Voices() {}

  public static boolean isKnown(String voiceId) {
    return IDS.contains(voiceId);
  }

  /**
   * Returns the id when it is known.
   *
   * @throws IllegalArgumentException naming the accepted ids
   */
  public static String require(String voiceId) {
    if (!isKnown(voiceId)) {
      throw new IllegalArgumentException(
          "Unknown voice '" + voiceId + "': use one of " + String.join(", ", IDS));
    }
    return voiceId;
  }
}
