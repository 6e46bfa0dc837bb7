package io.dealflow.support.answer;

import io.dealflow.support.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The documented classifier of a customer's message: keyword rules, checked in this order, the
 * first match wins.
 *
 * <ol>
 *   <li>{@code human_request} (topic {@code human_agent}): asks for a person — "human", "real
 *       person", "agent", "representative", "operator", "talk/speak to someone/somebody", "customer
 *       service".
 *   <li>{@code complaint} (topic {@code complaint}): "complaint", "complain", or negative sentiment
 *       with an "again"/"still"/"never".
 *   <li>the service intents, by their words: {@code cancellation} (cancel, unsubscribe, terminate),
 *       {@code password_reset} (password, locked out, reset), {@code billing_inquiry} (bill,
 *       invoice, charge, refund, payment, fee, price), {@code order_status} (order, shipping,
 *       delivery, tracking, package), {@code technical_support} (error, bug, crash, not working,
 *       broken), {@code account_inquiry} (account, login, sign in, profile), {@code greeting} (a
 *       message of only greetings).
 *   <li>otherwise {@code <topic>_inquiry}: the topic is the question's first two meaningful terms
 *       that the best passage found also contains ({@code "What are your trading hours?"} → {@code
 *       trading_hours}), else the passage's category, else {@code general}.
 * </ol>
 *
 * Urgency is {@code high} for "urgent", "asap", "immediately", "emergency", "right now", "fraud",
 * "stolen", "hacked" or "unauthorized"; {@code medium} for a complaint, negative sentiment or a
 * human request; else {@code low}.
 *
 * <p>Sentiment counts positive and negative words ("not"/"never"/"no" within two words before a
 * word flips it): {@code negative} when the negative count exceeds the positive by 2 or more, or
 * any strongly negative word ("terrible", "awful", "useless", "ridiculous", "unacceptable",
 * "furious", "worst", "hate", "angry", "disgusted") is present; {@code positive} when the positive
 * count exceeds the negative; else {@code neutral}.
 */
public final class Classifier {

  private static final Pattern ASKS_FOR_PERSON =
      Pattern.compile(
          "\\b(human|real person|live person|a person|agent|representative|operator|"
              + "(talk|speak|chat) (to|with) (someone|somebody|a person|staff)|customer service)\\b");

  private static final Map<String, Pattern> INTENTS = new LinkedHashMap<>();

  static {
    INTENTS.put("cancellation", words("cancel\\w*|unsubscribe|terminate|close my account"));
    INTENTS.put("password_reset", words("password|locked out|reset my|forgot my login"));
    INTENTS.put(
        "billing_inquiry",
        words("bill\\w*|invoice\\w*|charge[sd]?|refund\\w*|payment\\w*|fees?|pric\\w+"));
    INTENTS.put(
        "order_status", words("orders?|shipping|shipped|deliver\\w*|tracking|package|parcel"));
    INTENTS.put(
        "technical_support",
        words("error\\w*|bugs?|crash\\w*|not working|doesn't work|does not work|broken|glitch"));
    INTENTS.put("account_inquiry", words("account|log ?in|sign ?in|profile|username"));
  }

  private static final Map<String, String> TOPICS =
      Map.of(
          "cancellation", "cancellation",
          "password_reset", "account_access",
          "billing_inquiry", "billing",
          "order_status", "orders",
          "technical_support", "technical",
          "account_inquiry", "account");

  private static final Pattern GREETING =
      Pattern.compile(
          "^(hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you)[\\s!.,]*(there)?[\\s!.]*$");

  private static final Pattern URGENT =
      words(
          "urgent\\w*|asap|immediately|emergency|right now|fraud\\w*|stolen|hacked|unauthori[sz]ed");

  private static final Pattern COMPLAINT = words("complain\\w*|complaint");
  private static final Pattern PERSISTENT = words("again|still|never");

  private static final Set<String> POSITIVE =
      Set.of(
          "good",
          "great",
          "thanks",
          "thank",
          "helpful",
          "love",
          "excellent",
          "perfect",
          "happy",
          "awesome",
          "amazing",
          "appreciate",
          "nice",
          "wonderful",
          "pleased",
          "glad",
          "fine");
  private static final Set<String> NEGATIVE =
      Set.of(
          "bad",
          "poor",
          "problem",
          "issue",
          "wrong",
          "slow",
          "confused",
          "confusing",
          "annoyed",
          "annoying",
          "frustrated",
          "frustrating",
          "disappointed",
          "disappointing",
          "upset",
          "unhappy",
          "broken",
          "fail",
          "failed",
          "failing",
          "useless",
          "terrible",
          "awful",
          "ridiculous",
          "unacceptable",
          "furious",
          "worst",
          "hate",
          "angry",
          "disgusted",
          "waste");
  private static final Set<String> STRONGLY_NEGATIVE =
      Set.of(
          "terrible",
          "awful",
          "useless",
          "ridiculous",
          "unacceptable",
          "furious",
          "worst",
          "hate",
          "angry",
          "disgusted");
  private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "isn't", "wasn't");

  private Classifier() {}

  /**
   * @param best the best passage search found for the message, if any: its terms and category name
   *     the topic of a question no keyword rule recognises
   */
  public static Classification classify(
      String message, @Nullable String bestPassage, @Nullable String bestCategory) {
    String text = message.toLowerCase(Locale.ROOT).replace('’', '\'');
    Sentiment sentiment = sentiment(text);
    boolean asksForPerson = ASKS_FOR_PERSON.matcher(text).find();
    String intent;
    String topic;
    if (asksForPerson) {
      intent = "human_request";
      topic = "human_agent";
    } else if (COMPLAINT.matcher(text).find()
        || (sentiment == Sentiment.NEGATIVE && PERSISTENT.matcher(text).find())) {
      intent = "complaint";
      topic = "complaint";
    } else {
      String matched = null;
      for (Map.Entry<String, Pattern> rule : INTENTS.entrySet()) {
        if (rule.getValue().matcher(text).find()) {
          matched = rule.getKey();
          break;
        }
      }
      if (matched != null) {
        intent = matched;
        topic = TOPICS.get(matched);
      } else if (GREETING.matcher(text.strip()).matches()) {
        intent = "greeting";
        topic = "greeting";
      } else {
        topic = topic(message, bestPassage, bestCategory);
        intent = topic + "_inquiry";
      }
    }
    String urgency;
    if (URGENT.matcher(text).find()) {
      urgency = "high";
    } else if (asksForPerson || intent.equals("complaint") || sentiment == Sentiment.NEGATIVE) {
      urgency = "medium";
    } else {
      urgency = "low";
    }
    return new Classification(intent, topic, urgency, sentiment, asksForPerson);
  }

  static Sentiment sentiment(String text) {
    String[] words = text.split("[^\\p{L}']+");
    int positive = 0;
    int negative = 0;
    boolean strong = false;
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      boolean negated =
          (i > 0 && NEGATIONS.contains(words[i - 1]))
              || (i > 1 && NEGATIONS.contains(words[i - 2]));
      if (POSITIVE.contains(word)) {
        if (negated) {
          negative++;
        } else {
          positive++;
        }
      } else if (NEGATIVE.contains(word)) {
        if (negated) {
          positive++;
        } else {
          negative++;
          strong |= STRONGLY_NEGATIVE.contains(word);
        }
      }
    }
    if (strong || negative - positive >= 2) {
      return Sentiment.NEGATIVE;
    }
    return positive > negative ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
  }

  private static String topic(
      String message, @Nullable String bestPassage, @Nullable String bestCategory) {
    if (bestPassage != null) {
      List<String> shared = new ArrayList<>();
      List<String> inPassage = Terms.of(bestPassage);
      for (Terms.Term term : Terms.words(message)) {
        if (Terms.contains(inPassage, term.stem())
            && term.word().chars().allMatch(Character::isLetter)
            && !shared.contains(term.word())) {
          shared.add(term.word());
          if (shared.size() == 2) {
            break;
          }
        }
      }
      if (!shared.isEmpty()) {
        return String.join("_", shared);
      }
    }
    if (bestCategory != null && !bestCategory.isBlank()) {
      return bestCategory.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
    return "general";
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile("\\b(" + alternatives + ")\\b");
  }
}
