package io.dealflow.support.answer;

import io.dealflow.platform.ai.ActiveAiProvider;
import io.dealflow.platform.ai.AiProviderException;
import io.dealflow.platform.ai.Assistant;
import io.dealflow.support.knowledge.Passage;
import io.dealflow.support.knowledge.SentenceEmbeddings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Service;

/**
 * Writes the answer from the passages search found. Offline (the default) it is {@link
 * ExtractiveAnswers}. With an OpenAI-compatible model configured ({@code dealflow.ai.*}), the model
 * gets only the relevant passages, numbered, and the (already masked) question, and must answer
 * from them citing {@code [n]}, or say {@code NO_ANSWER}; the passages it cites are the citations.
 * An answer that cites nothing, or a model that fails, falls back to the extractive answer, so no
 * answer is ever without its sources.
 */
@Service
public class Answers {

  static final String NO_ANSWER = "NO_ANSWER";

  private static final Pattern CITE = Pattern.compile("\\[(\\d{1,2})]");

  private static final String INSTRUCTIONS =
      """
      You are the customer-support assistant of one organization. Answer the customer's question
      using ONLY the numbered knowledge passages below. Cite every passage you use with its number
      in square brackets, like [1]. Do not add facts that the passages do not state. If the
      passages do not answer the question, reply with exactly NO_ANSWER and nothing else. Answer
      in at most three sentences.
      """;

  private static final Logger log = LoggerFactory.getLogger(Answers.class);

  private final Assistant assistant;
  private final SentenceEmbeddings embeddings;

  Answers(Assistant assistant, SentenceEmbeddings embeddings) {
    this.assistant = assistant;
    this.embeddings = embeddings;
  }

  public Answer answer(String question, List<Passage> passages, double threshold) {
    Answer extractive =
        ExtractiveAnswers.answer(question, passages, threshold, similarityTo(question));
    if (!extractive.answered()
        || assistant.provider().kind() != ActiveAiProvider.Kind.OPENAI_COMPATIBLE) {
      return extractive;
    }
    List<Passage> relevant =
        passages.stream().filter(p -> p.confidence() >= threshold).limit(5).toList();
    try {
      return fromModel(question, relevant, extractive);
    } catch (AiProviderException e) {
      log.warn("The model did not answer ({}); the extractive answer is used", e.getMessage());
      return extractive;
    }
  }

  private Answer fromModel(String question, List<Passage> relevant, Answer extractive) {
    StringBuilder context = new StringBuilder();
    for (int i = 0; i < relevant.size(); i++) {
      Passage passage = relevant.get(i);
      context
          .append('[')
          .append(i + 1)
          .append("] ")
          .append(passage.sourceName())
          .append(": ")
          .append(passage.content())
          .append("\n\n");
    }
    String reply =
        assistant
            .call(
                new Prompt(
                    List.of(
                        new SystemMessage(INSTRUCTIONS + "\nPassages:\n\n" + context),
                        new UserMessage(question))))
            .strip();
    if (reply.contains(NO_ANSWER)) {
      return ExtractiveAnswers.notFound(relevant);
    }
    Set<Integer> cited = new LinkedHashSet<>();
    Matcher numbers = CITE.matcher(reply);
    while (numbers.find()) {
      int n = Integer.parseInt(numbers.group(1));
      if (n >= 1 && n <= relevant.size()) {
        cited.add(n);
      }
    }
    if (cited.isEmpty()) {
      log.info("The model's answer cited no passage; the extractive answer is used");
      return extractive;
    }
    List<Citation> citations = new ArrayList<>();
    double confidence = 0;
    for (int n : cited) {
      Passage passage = relevant.get(n - 1);
      confidence = Math.max(confidence, passage.confidence());
      citations.add(
          new Citation(
              passage.sourceId().toString(),
              passage.sourceName(),
              passage.url(),
              excerpt(passage.content()),
              passage.confidence()));
    }
    String text = CITE.matcher(reply).replaceAll("").replaceAll("\\s+([.,;:!?])", "$1").strip();
    return new Answer(text, confidence, citations, true, "model");
  }

  /** Cosine similarity of sentences to the question, by the sentence embeddings. */
  private ExtractiveAnswers.Similarity similarityTo(String question) {
    float[][] asked = new float[1][];
    return sentences -> {
      if (asked[0] == null) {
        asked[0] = embeddings.embed(question);
      }
      List<float[]> vectors = embeddings.embedAll(sentences);
      double[] cosines = new double[vectors.size()];
      for (int i = 0; i < cosines.length; i++) {
        cosines[i] = SentenceEmbeddings.cosine(asked[0], vectors.get(i));
      }
      return cosines;
    };
  }

  private static String excerpt(String content) {
    return content.length() <= 300 ? content : content.substring(0, 297).strip() + "...";
  }
}
