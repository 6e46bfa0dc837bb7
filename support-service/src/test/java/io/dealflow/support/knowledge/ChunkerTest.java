package io.dealflow.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  /** {@code count} distinct sentences of about 70 characters each. */
  private static List<String> sentences(String prefix, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i ->
                "%s sentence %02d explains one rule of the store in plain words."
                    .formatted(prefix, i))
        .toList();
  }

  @Test
  void aShortTextIsOnePassage() {
    assertThat(Chunker.chunks("Returns are free. Refunds take five days."))
        .containsExactly("Returns are free. Refunds take five days.");
  }

  @Test
  void blankTextHasNoPassageAndWhitespaceIsNormalised() {
    assertThat(Chunker.chunks("  \n\n \t ")).isEmpty();
    assertThat(Chunker.chunks("Returns are\n   free   within 30 days."))
        .containsExactly("Returns are free within 30 days.");
  }

  @Test
  void paragraphsJoinUntilThePassageHoldsTheTarget() {
    String first = String.join(" ", sentences("First", 2));
    String second = String.join(" ", sentences("Second", 2));

    assertThat(Chunker.chunks(first + "\n\n" + second)).containsExactly(first + " " + second);
  }

  @Test
  void aNewParagraphStartsANewPassageOnceTheTargetIsReached() {
    String first = String.join(" ", sentences("First", 7));
    String second = String.join(" ", sentences("Second", 2));
    assertThat(first.length()).isBetween(Chunker.TARGET, Chunker.MAX);

    assertThat(Chunker.chunks(first + "\n\n" + second)).containsExactly(first, second);
  }

  @Test
  void aPassageNeverExceedsTheMaximumAndIsMadeOfWholeSentences() {
    List<String> sentences = sentences("Long", 30);
    String paragraph = String.join(" ", sentences);

    List<String> chunks = Chunker.chunks(paragraph);

    assertThat(chunks).hasSize(3);
    assertThat(chunks)
        .allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(Chunker.MAX));
    assertThat(chunks)
        .allSatisfy(
            chunk -> assertThat(chunk).startsWith("Long sentence").endsWith("plain words."));
    assertThat(chunks.getFirst().length() + 1 + sentences.get(14).length())
        .isGreaterThan(Chunker.MAX);
    assertThat(String.join(" ", chunks)).isEqualTo(paragraph);
  }

  @Test
  void aSentenceLongerThanTheMaximumIsCutAtSpacesIntoPassagesOfItsOwn() {
    String words =
        IntStream.range(0, 300).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    String longSentence = "This runs on " + words + " and ends.";
    assertThat(longSentence.length()).isGreaterThan(2 * Chunker.MAX);

    List<String> chunks =
        Chunker.chunks("It starts here. " + longSentence + " Then it stops here.");

    assertThat(chunks.getFirst()).isEqualTo("It starts here.");
    assertThat(chunks.getLast()).isEqualTo("Then it stops here.");
    List<String> pieces = chunks.subList(1, chunks.size() - 1);
    assertThat(pieces).hasSize(3);
    assertThat(pieces)
        .allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(Chunker.MAX));
    assertThat(String.join(" ", pieces)).isEqualTo(longSentence);
  }

  @Test
  void aWordLongerThanTheMaximumIsCutAtTheMaximum() {
    String word = "x".repeat(2000);

    assertThat(Chunker.chunks(word))
        .containsExactly("x".repeat(900), "x".repeat(900), "x".repeat(200));
  }

  @Test
  void aMarkdownHeadingIsASentenceOfItsOwn() {
    List<String> chunks =
        Chunker.chunks(
            "# Returns and refunds\n\nYou can return any item within 30 days.\n"
                + "## Refunds\nRefunds take 5 business days.");

    assertThat(chunks)
        .containsExactly(
            "Returns and refunds. You can return any item within 30 days. Refunds. Refunds take 5"
                + " business days.");
  }
}
