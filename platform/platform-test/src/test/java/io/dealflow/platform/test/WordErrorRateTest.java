package io.dealflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

  @Test
  void countsSubstitutionsDeletionsAndInsertionsPerWordSaid() {
    assertThat(WordErrorRate.of("Hello, my name is John.", "hello my name is john")).isZero();
    assertThat(WordErrorRate.of("one two three four", "one too three four")).isEqualTo(0.25);
    assertThat(WordErrorRate.of("one two three four", "one three four")).isEqualTo(0.25);
    assertThat(WordErrorRate.of("one two", "one two three four")).isEqualTo(1.0);
    assertThat(WordErrorRate.of("", "")).isZero();
    assertThat(WordErrorRate.of("", "noise")).isEqualTo(1.0);
  }

  @Test
  void contractionsCountAsTheirWords() {
    assertThat(WordErrorRate.of("I am sure we are not late", "i'm sure we're not late")).isZero();
    assertThat(WordErrorRate.of("we will see", "we'll see")).isZero();
  }
}
