package io.dealflow.training.objection;

import io.dealflow.training.scoring.Language;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an objection is about, found by keywords. A line belongs to the first theme whose rule
 * matches, in the order declared here: the more specific reasons before the broader ones, so "we
 * already pay for a tool and I'm busy" is an incumbent objection. A line no rule matches is {@link
 * #OTHER}. Each theme also says what the generated scenario's prospect answers discovery questions
 * with, and which question and coaching point go with it.
 */
public enum ObjectionTheme {
  PRICE(
      "Price or budget",
      "\\b(price|prices|pricing|priced|budgets?|expensive|costs?|costly|afford|cheaper|money"
          + "|spend|spending|funding|too much)\\b",
      "Every new expense gets questioned, and the budget is tight.",
      "How does your team decide what a purchase like this is worth?",
      "Price: agree on the cost of the problem before talking about the cost of the tool."),
  INCUMBENT(
      "Already have a solution",
      "\\b(already (have|use|using|work|working|got|signed|pay|paying)|happy with|current"
          + " (vendor|provider|solution|tool|system|supplier)|another (vendor|provider|supplier"
          + "|tool|company)|our (vendor|provider|supplier)|under contract|locked in|in-house"
          + "|built our own)\\b",
      "We already have something in place for this, and it mostly works.",
      "What do you like about what you use today, and what is missing?",
      "Incumbent: ask what works and what doesn't today before comparing anything."),
  AUTHORITY(
      "Needs someone else's approval",
      "\\b(check with|talk to my|ask my|run it by|my (boss|manager|team|cfo|ceo|director|partner"
          + "|board)|not my (call|decision)|sign off|procurement|legal|committee|approval"
          + "|approve)\\b",
      "I can't decide this alone; others have to agree.",
      "Who else is involved in a decision like this, and what matters to them?",
      "Authority: find out who decides and offer what they need to say yes."),
  RISK(
      "Risk of switching",
      "\\b(risky|risk|risks|switch|switching|migrate|migration|disrupt\\w*|complicated"
          + "|learning curve|security|compliance|burned|guarantee)\\b",
      "A change that goes wrong would cost us more than it saves.",
      "What would a change have to look like to feel safe for your team?",
      "Risk: make the first step small and reversible (a pilot, a trial, a case study)."),
  TIMING(
      "Timing or too busy",
      "\\b(busy|not a good time|bad time|no time|don't have time|too soon|not now|later|next"
          + " (quarter|year|month)|call (me )?back|swamped|timing|send me an email|think about"
          + " it)\\b",
      "The team is stretched and has no time for new projects right now.",
      "What is on your team's plate this quarter?",
      "Timing: tie the conversation to a date or an event that matters to them."),
  NEED(
      "No need or no interest",
      "\\b(not interested|no interest|don't need|do not need|no need|don't see (how|why|the)"
          + "|not a priority|not for us|we're fine|we are fine|works fine|barely use|no use for"
          + "|doesn't take sales)\\b",
      "It isn't clear to me this solves a problem we have.",
      "What would have to change for this to become a priority?",
      "No need: go back to discovery; a problem they name beats one you describe."),
  OTHER(
      "Other",
      null,
      "We've heard promises like this before.",
      "What has held you back from solving this so far?",
      "Any objection: acknowledge it, ask about it, then answer it.");

  private final String label;
  private final Pattern rule;
  private final String painPoint;
  private final String discoveryQuestion;
  private final String coachingPoint;

  ObjectionTheme(
      String label,
      @Nullable String rule,
      String painPoint,
      String discoveryQuestion,
      String coachingPoint) {
    this.label = label;
    this.rule = rule == null ? Pattern.compile("(?!)") : Pattern.compile(rule);
    this.painPoint = painPoint;
    this.discoveryQuestion = discoveryQuestion;
    this.coachingPoint = coachingPoint;
  }

  /** The theme of an objection: the first whose rule matches, else {@link #OTHER}. */
  public static ObjectionTheme of(String objection) {
    String normalized = Language.normalize(objection);
    return Arrays.stream(values())
        .filter(theme -> theme.rule.matcher(normalized).find())
        .findFirst()
        .orElse(OTHER);
  }

  /** Its wire and database name, e.g. {@code price}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ObjectionTheme fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  public String label() {
    return label;
  }

  String painPoint() {
    return painPoint;
  }

  String discoveryQuestion() {
    return discoveryQuestion;
  }

  String coachingPoint() {
    return coachingPoint;
  }
}
