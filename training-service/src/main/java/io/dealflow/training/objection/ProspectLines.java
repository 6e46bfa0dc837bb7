package io.dealflow.training.objection;

import io.dealflow.training.scoring.Language;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines of a crm transcript are prospects' objections, and how they are kept.
 *
 * <ul>
 *   <li><b>The prospect</b> is every speaker but the seller's side, as crm-service decides it: the
 *       speakers {@code assistant}, {@code agent}, {@code ai}, {@code bot} and {@code rep} are the
 *       seller (crm's {@code ConversationAnalysis}); {@code human}, {@code customer}, {@code user}
 *       or any other name is the prospect.
 *   <li><b>An objection</b> is a line the scoring rules hear as one ({@link
 *       Language#soundsLikeObjection}) or that holds one of {@link #MORE}'s phrases ("can't
 *       afford", "under contract", "not a priority", ...). A question whose only cue is the word
 *       price, pricing, budget or cost ("What would the price be for 12 seats?") is a buying
 *       signal, not an objection.
 *   <li><b>Kept as</b> one line of at most {@value #MAX_LENGTH} characters: control characters and
 *       runs of spaces become one space, e-mail addresses become {@code [email]} and phone-like
 *       numbers (9 digits or more, so years and prices stay) {@code [number]}, because the text
 *       ends up in a scenario every rep of the organization reads; a longer line is cut at a word
 *       and ends with "…".
 * </ul>
 */
public final class ProspectLines {

  static final int MAX_LENGTH = 300;

  private static final Set<String> SELLER_SIDE = Set.of("assistant", "agent", "ai", "bot", "rep");

  /** Objection phrases beyond the scoring rules' own. */
  private static final Pattern MORE =
      Pattern.compile(
          "\\b(can't afford|cannot afford|no budget|not in (the|our) budget|costly|under"
              + " contract|locked in|not the right time|call me back|no time|don't need|do not"
              + " need|not a priority|not for us|run it by|my boss|sign off|switching|too"
              + " complicated|not convinced|no thanks|not now|too much)\\b");

  private static final Pattern PRICE_WORDS =
      Pattern.compile("\\b(price|prices|pricing|budget|budgets|cost|costs)\\b");

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{5,}\\d");

  private ProspectLines() {}

  public static boolean isProspect(String speaker) {
    return !SELLER_SIDE.contains(speaker.strip().toLowerCase(Locale.ROOT));
  }

  public static boolean soundsLikeObjection(String line) {
    String normalized = Language.normalize(line);
    if (!cued(normalized)) {
      return false;
    }
    return !Language.asksQuestion(normalized)
        || cued(PRICE_WORDS.matcher(normalized).replaceAll(" "));
  }

  /** The line as it is kept, when a prospect said it and it is an objection. */
  public static Optional<String> objection(String speaker, String line) {
    if (!isProspect(speaker) || !soundsLikeObjection(line)) {
      return Optional.empty();
    }
    String cleaned = clean(line);
    return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
  }

  static String clean(String line) {
    String oneLine = CONTROL.matcher(line).replaceAll(" ").strip();
    String redacted =
        PHONE
            .matcher(EMAIL.matcher(oneLine).replaceAll("[email]"))
            .replaceAll(
                number ->
                    number.group().chars().filter(Character::isDigit).count() >= 9
                        ? "[number]"
                        : Matcher.quoteReplacement(number.group()));
    if (redacted.length() <= MAX_LENGTH) {
      return redacted;
    }
    int cut = redacted.lastIndexOf(' ', MAX_LENGTH - 1);
    if (cut < MAX_LENGTH / 2) {
      cut = MAX_LENGTH - 1;
    }
    if (Character.isHighSurrogate(redacted.charAt(cut - 1))) {
      cut--;
    }
    return redacted.substring(0, cut).strip() + "…";
  }

  private static boolean cued(String normalized) {
    return Language.soundsLikeObjection(normalized) || MORE.matcher(normalized).find();
  }
}
