package io.dealflow.playbook.coach;

import io.dealflow.platform.ai.OfflineChatModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The coach when no AI model is configured: deterministic and honest. It reads the rep's
 * assignments from the system message ({@link Brief}), finds the passages of their strategy and the
 * entry of the built-in {@link CoachingLibrary} that best match the question, and answers with
 * those passages quoted as they are, naming where each comes from. It writes no fact of its own: an
 * answer is the sources' words, a few connecting phrases, and what it could not find.
 */
@Component
class OfflineCoach implements OfflineChatModel {

  static final String NAME = "playbook-retrieval";

  /** Strategy passages quoted at most per answer. */
  static final int MAX_PASSAGES = 2;

  /** Words per streamed piece. */
  private static final int WORDS_PER_PIECE = 6;

  private static final Pattern WORD = Pattern.compile("\\S+\\s*");
  private static final Pattern LIST_ITEM = Pattern.compile("^(- |\\* |\\d+\\. ).*");

  private final CoachingLibrary library = CoachingLibrary.load();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    return response(answer(prompt));
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return Flux.defer(() -> Flux.fromIterable(pieces(answer(prompt))).map(OfflineCoach::response));
  }

  /** The answer to the prompt's last user message. */
  String answer(Prompt prompt) {
    String system = "";
    List<String> questions = new ArrayList<>();
    for (Message message : prompt.getInstructions()) {
      if (message instanceof SystemMessage instructions) {
        system = String.valueOf(instructions.getText());
      } else if (message instanceof UserMessage question) {
        questions.add(String.valueOf(question.getText()));
      }
    }
    String question = questions.isEmpty() ? "" : questions.getLast();
    Set<String> query = new LinkedHashSet<>(Terms.of(question));
    if (query.size() < 2 && questions.size() > 1) {
      // A short follow-up ("and the price?") leans on the question before it.
      query.addAll(Terms.of(questions.get(questions.size() - 2)));
    }
    return compose(Brief.parse(system), query);
  }

  private String compose(Brief brief, Set<String> query) {
    List<Passage> passages = new ArrayList<>();
    for (Brief.Assignment assignment : brief.assignments()) {
      if (assignment.strategy() != null) {
        passages.addAll(passages(assignment, assignment.strategy()));
      }
    }
    Map<String, Double> weights = weights(passages);
    Brief.Assignment named = named(brief, query);
    // Names choose the assignment; the rest of the question chooses its passages.
    Set<String> topic = new LinkedHashSet<>(query);
    brief
        .assignments()
        .forEach(
            assignment ->
                topic.removeAll(Terms.of(assignment.client() + " " + assignment.product())));
    List<Passage> quoted = bestPassages(passages, named, topic, weights);
    CoachingLibrary.Guidance guidance = bestGuidance(query, weights);

    StringBuilder answer = new StringBuilder();
    List<String> sources = new ArrayList<>();
    if (!quoted.isEmpty()) {
      Brief.Assignment from = quoted.getFirst().assignment();
      answer
          .append("From your ")
          .append(status(from))
          .append("strategy for ")
          .append(from.label())
          .append(":\n");
      quoted.forEach(passage -> answer.append("- ").append(passage.text()).append('\n'));
      sources.add("your strategy for " + from.label());
    } else if (brief.assignments().isEmpty()) {
      answer.append(
          "You have no assignment yet, so there is no strategy of yours to draw on; ask your"
              + " admin to assign you one.\n");
    } else {
      Brief.Assignment focus = named != null ? named : brief.assignments().getFirst();
      answer
          .append(
              focus.strategy() == null
                  ? "Your assignment for " + focus.label() + " has no strategy to draw on yet"
                  : "Your strategy for " + focus.label() + " does not address this directly")
          .append(".\n");
    }
    if (guidance != null) {
      answer
          .append(answer.isEmpty() ? "" : "\n")
          .append(guidance.title())
          .append(": ")
          .append(guidance.text())
          .append('\n');
      sources.add("the coaching library (" + guidance.title() + ")");
    }
    if (sources.isEmpty()) {
      return answer
          .append("\nI found nothing about that in your strategy or in the coaching library. The")
          .append(" library covers: ")
          .append(library.titles())
          .append(".\n")
          .append(FOOTNOTE)
          .toString();
    }
    return answer
        .append("\nDrawn from: ")
        .append(String.join("; ", sources))
        .append(".\n")
        .append(FOOTNOTE)
        .toString();
  }

  private static final String FOOTNOTE =
      "(Offline coach: the passages above are quoted from the sources named and matched to your"
          + " question; no AI model wrote them.)";

  private static String status(Brief.Assignment assignment) {
    return "draft".equals(assignment.strategyStatus()) ? "draft " : "";
  }

  /** The assignment whose client or product the question names, if one does. */
  private static Brief.@Nullable Assignment named(Brief brief, Set<String> query) {
    for (Brief.Assignment assignment : brief.assignments()) {
      Set<String> names = Terms.of(assignment.client() + " " + assignment.product());
      if (names.stream().anyMatch(query::contains)) {
        return assignment;
      }
    }
    return null;
  }

  private static List<Passage> bestPassages(
      List<Passage> passages,
      Brief.@Nullable Assignment named,
      Set<String> query,
      Map<String, Double> weights) {
    List<Passage> scored = new ArrayList<>();
    for (Passage passage : passages) {
      if (named == null || passage.assignment() == named) {
        double score = score(passage.terms(), query, weights);
        if (score > 0) {
          scored.add(passage.withScore(score));
        }
      }
    }
    if (scored.isEmpty()) {
      return List.of();
    }
    scored.sort(Comparator.comparingDouble(Passage::score).reversed());
    Brief.Assignment best = scored.getFirst().assignment();
    // The best assignment's passages, in the order its strategy gives them.
    return scored.stream()
        .filter(passage -> passage.assignment() == best)
        .limit(MAX_PASSAGES)
        .sorted(Comparator.comparingInt(Passage::position))
        .toList();
  }

  private CoachingLibrary.@Nullable Guidance bestGuidance(
      Set<String> query, Map<String, Double> weights) {
    CoachingLibrary.Guidance best = null;
    double bestScore = 0;
    for (CoachingLibrary.Guidance guidance : library.entries()) {
      double score = 0;
      for (Set<String> phrase : guidance.keywords()) {
        if (query.containsAll(phrase)) {
          score += 3 * phrase.size();
        }
      }
      score += score(guidance.terms(), query, weights) / 2;
      if (score > bestScore) {
        best = guidance;
        bestScore = score;
      }
    }
    return best;
  }

  private static double score(Set<String> terms, Set<String> query, Map<String, Double> weights) {
    double score = 0;
    for (String term : query) {
      if (terms.contains(term)) {
        score += weights.getOrDefault(term, 1.0);
      }
    }
    return score;
  }

  /** Rarer words weigh more: inverse document frequency over the passages and the library. */
  private Map<String, Double> weights(List<Passage> passages) {
    List<Set<String>> documents = new ArrayList<>();
    passages.forEach(passage -> documents.add(passage.terms()));
    library.entries().forEach(guidance -> documents.add(guidance.terms()));
    Map<String, Integer> frequency = new HashMap<>();
    documents.forEach(terms -> terms.forEach(term -> frequency.merge(term, 1, Integer::sum)));
    Map<String, Double> weights = new HashMap<>();
    frequency.forEach(
        (term, count) -> weights.put(term, Math.log(1 + (double) documents.size() / count)));
    return weights;
  }

  /**
   * A strategy's passages: each list item, or each paragraph (split into sentences when long). A
   * line ending with a colon introduces the items after it and is quoted with each.
   */
  static List<Passage> passages(Brief.Assignment assignment, String strategy) {
    List<String> texts = new ArrayList<>();
    for (String paragraph : strategy.strip().split("\\n\\s*\\n")) {
      String heading = "";
      StringBuilder current = new StringBuilder();
      for (String raw : paragraph.strip().split("\\n")) {
        String line = raw.strip();
        if (LIST_ITEM.matcher(line).matches()) {
          flush(texts, heading, current);
          current.append(line.replaceFirst("^(- |\\* )", ""));
        } else if (current.isEmpty() && line.endsWith(":")) {
          heading = line + " ";
        } else {
          current.append(current.isEmpty() ? "" : " ").append(line);
        }
      }
      flush(texts, heading, current);
    }
    List<Passage> passages = new ArrayList<>();
    for (String text : texts) {
      for (String part : sentences(text)) {
        passages.add(new Passage(assignment, part, Terms.of(part), passages.size(), 0));
      }
    }
    return passages;
  }

  private static void flush(List<String> texts, String heading, StringBuilder current) {
    if (!current.isEmpty()) {
      texts.add(heading + current);
      current.setLength(0);
    }
  }

  /** A long paragraph in parts of a few sentences; a short one whole. */
  private static List<String> sentences(String text) {
    if (text.length() <= 320) {
      return List.of(text);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String sentence : text.split("(?<=[.!?])\\s+")) {
      if (!part.isEmpty() && part.length() + sentence.length() > 320) {
        parts.add(part.toString());
        part.setLength(0);
      }
      part.append(part.isEmpty() ? "" : " ").append(sentence);
    }
    if (!part.isEmpty()) {
      parts.add(part.toString());
    }
    return parts;
  }

  /** The answer in pieces of a few words; joined, they are the answer exactly. */
  static List<String> pieces(String answer) {
    List<String> pieces = new ArrayList<>();
    Matcher words = WORD.matcher(answer);
    StringBuilder piece = new StringBuilder();
    int count = 0;
    while (words.find()) {
      piece.append(words.group());
      if (++count == WORDS_PER_PIECE) {
        pieces.add(piece.toString());
        piece.setLength(0);
        count = 0;
      }
    }
    if (!piece.isEmpty()) {
      pieces.add(piece.toString());
    }
    return pieces;
  }

  private static ChatResponse response(String text) {
    return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
  }

  /** One quotable part of a strategy. */
  record Passage(
      Brief.Assignment assignment, String text, Set<String> terms, int position, double score) {

    Passage withScore(double newScore) {
      return new Passage(assignment, text, terms, position, newScore);
    }
  }
}
