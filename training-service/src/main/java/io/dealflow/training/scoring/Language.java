package io.dealflow.training.scoring;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase rules scoring, coaching and the scripted prospect read a turn with. Speech transcripts
 * have no punctuation, so questions are found by their openings as well as by "?". Every list here
 * is the documented rule (README, "How a call is scored").
 */
public final class Language {

  /** Speaking rate assumed for typed turns: 150 words a minute. */
  public static final double WORDS_PER_SECOND = 2.5;

  private static final Pattern WH_QUESTION =
      Pattern.compile(
          "\\b(what|how|why|when|where|who|which)\\s+(is|are|was|were|do|does|did|would|could|can"
              + "|should|will|has|have|makes|made|happens|happened|kind|type|sort|else|about|often"
              + "|much|many|long|soon|your|you)\\b");

  /** An auxiliary and a pronoun, unless a subject stands before them ("that is it"). */
  private static final Pattern YES_NO_QUESTION =
      Pattern.compile(
          "(?<!\\b(?:i|we|you|they|that|which|who|it|he|she|there|what|this)\\s)\\b(could|can"
              + "|would|will|do|does|did|are|is|have|has|should|may|shall)\\s+(you|we|your|they"
              + "|there|i|it|that|this|he|she)\\b");

  private static final Pattern OPEN_PROBE =
      Pattern.compile("\\b(tell me (about|how|what|more)|walk me through|help me understand)\\b");
  private static final Pattern OPEN_QUESTION =
      Pattern.compile(
          "\\b(what|how|why)\\s+(is|are|was|were|do|does|did|would|could|makes|happens|kind"
              + "|else|your)\\b|\\b(tell me (about|how|what|more)|walk me through|help me"
              + " understand)\\b");

  private static final Pattern ACKNOWLEDGE =
      Pattern.compile(
          "\\b(i understand|understand (that|your|why)|i hear you|hear what you|that's fair|that is"
              + " fair|fair enough|fair point|makes sense|good point|i appreciate|appreciate (that"
              + "|it|you)|i see|totally get|i get (it|that|why)|valid (concern|point)|great"
              + " question|sounds like|i can see why|you're right|you are right|that's a real"
              + " concern|thanks for (sharing|telling))\\b");
  private static final Pattern EMPATHY =
      Pattern.compile(
          "\\b(sounds (frustrating|hard|tough|painful|stressful)|that must be|i can imagine|sorry"
              + " to hear|that's tough|that is tough|i hear you|i understand|i can see why|that's"
              + " a lot|no wonder)\\b");
  private static final Pattern SUBSTANCE =
      Pattern.compile(
          "\\b(because|save|saves|saving|savings|return|roi|result|results|customers|clients"
              + "|percent|hours|cost|costs|payback|pay back|value|reduce|reduces|increase"
              + "|faster|guarantee|pilot|trial|case study|example|typically|on average|risk"
              + "|measure|proof)\\b|\\d");
  private static final Pattern PITCH =
      Pattern.compile(
          "\\b(our (product|platform|solution|software|tool|service|system|team can)|we offer|we"
              + " provide|we help|we can help|let me tell you about|we've built|we have built"
              + "|our company)\\b");
  private static final Pattern NEXT_STEP =
      Pattern.compile(
          "\\b((schedule|book|set up|setup|arrange|put|find|get)\\b.{0,30}\\b(call|meeting|demo"
              + "|time|session|slot)|next steps?|follow[- ]up (call|meeting)|(can|could|shall|should)"
              + " we (meet|talk|connect|speak|get together|continue)\\b(?!\\s+about)|would you be"
              + " open to|are you"
              + " (available|free)|calendar invite|send (you )?(an )?invite|sign (the|a)"
              + " (contract|agreement|order)|move forward|get started|start the (pilot|trial))\\b");
  private static final Pattern CONCRETE_TIME =
      Pattern.compile(
          "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week"
              + "|next month|this week|end of (the )?(week|month)|january|february|march|april"
              + "|may \\d|june|july|august|september|october|november|december|\\d{1,2}(:\\d\\d)?"
              + " ?(am|pm|o'clock)|(one|two|three|four|five|ten|eleven|noon) o'clock|at \\d)\\b");
  private static final Pattern AGREEMENT =
      Pattern.compile(
          "\\b(sounds good|let's do it|let's do that|that works|works for me|i'm in|send (me )?the"
              + " invite|okay, let's|ok, let's|sure, let's|deal|we can do that|i'd be open to"
              + " that|let's set it up|see you then)\\b");
  private static final Pattern OBJECTION =
      Pattern.compile(
          "\\b(budget|price|too expensive|expensive|cost too|not interested|busy|already (have"
              + "|use|work)|happy with|think about it|not a good time|send me an email|too risky"
              + "|check with my|don't see how|take it or leave it|or we walk|doesn't take sales"
              + "|barely use|cheaper)\\b");
  private static final Pattern FILLER =
      Pattern.compile(
          "\\b(um+|uh+|erm|er|ah|you know|basically|literally|sort of|kind of|i mean)\\b");
  private static final Pattern HEDGE =
      Pattern.compile("\\b(i think|maybe|i guess|probably|not sure|perhaps|kind of|sort of)\\b");

  private Language() {}

  public static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
  }

  public static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  /** How long a typed turn would take to say. */
  public static Duration speakingTime(String text) {
    return Duration.ofMillis(Math.round(words(text) / WORDS_PER_SECOND * 1000));
  }

  /**
   * The questions in a turn: each sentence that ends with "?" or reads as a question counts once;
   * without punctuation (speech), each question opening at least four words after the last one.
   */
  public static int questions(String text) {
    String normalized = normalize(text);
    int count = 0;
    for (String sentence : normalized.split("(?<=[.!?])\\s+")) {
      if (sentence.isBlank()) {
        continue;
      }
      if (sentence.strip().endsWith("?")) {
        count++;
      } else {
        count += openings(sentence);
      }
    }
    return count;
  }

  private static int openings(String sentence) {
    int count = 0;
    int lastWord = -10;
    for (Pattern pattern : new Pattern[] {WH_QUESTION, YES_NO_QUESTION, OPEN_PROBE}) {
      Matcher matcher = pattern.matcher(sentence);
      while (matcher.find()) {
        int word = words(sentence.substring(0, matcher.start()));
        if (word - lastWord >= 4 || count == 0) {
          count++;
          lastWord = word;
        }
      }
    }
    return count;
  }

  public static boolean asksQuestion(String text) {
    return questions(text) > 0;
  }

  public static boolean asksOpenQuestion(String text) {
    return OPEN_QUESTION.matcher(normalize(text)).find();
  }

  public static boolean acknowledges(String text) {
    return ACKNOWLEDGE.matcher(normalize(text)).find();
  }

  public static boolean empathizes(String text) {
    return EMPATHY.matcher(normalize(text)).find();
  }

  /** An answer with substance: at least 12 words with a reason, a figure or an offer. */
  public static boolean answersWithSubstance(String text) {
    return words(text) >= 12 && SUBSTANCE.matcher(normalize(text)).find();
  }

  public static boolean pitches(String text) {
    return PITCH.matcher(normalize(text)).find();
  }

  public static boolean asksForNextStep(String text) {
    return NEXT_STEP.matcher(normalize(text)).find();
  }

  public static boolean namesATime(String text) {
    return CONCRETE_TIME.matcher(normalize(text)).find();
  }

  public static boolean agrees(String text) {
    return AGREEMENT.matcher(normalize(text)).find();
  }

  public static boolean soundsLikeObjection(String text) {
    return OBJECTION.matcher(normalize(text)).find();
  }

  public static int fillers(String text) {
    Matcher matcher = FILLER.matcher(normalize(text));
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  public static boolean mentions(String text, String name) {
    return !name.isBlank()
        && Pattern.compile("\\b" + Pattern.quote(normalize(name)) + "\\b")
            .matcher(normalize(text))
            .find();
  }

  /** The rep's tone in a turn: hesitant, empathetic, confident or neutral. */
  public static String repSentiment(String text) {
    String normalized = normalize(text);
    if (fillers(normalized) >= 2 || HEDGE.matcher(normalized).find()) {
      return "hesitant";
    }
    if (acknowledges(normalized) || empathizes(normalized)) {
      return "empathetic";
    }
    if (asksQuestion(normalized) || pitches(normalized) || asksForNextStep(normalized)) {
      return "confident";
    }
    return "neutral";
  }

  /** The positive / neutral / negative class of a line's sentiment, for analytics. */
  public static String polarity(String sentiment) {
    return switch (sentiment) {
      case "confident", "empathetic", "interested", "positive", "receptive" -> "positive";
      case "hesitant", "frustrated", "skeptical" -> "negative";
      default -> "neutral";
    };
  }
}
