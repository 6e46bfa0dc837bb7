package io.dealflow.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.ai.AiProviderException.Reason;
import io.dealflow.platform.test.OpenAiStub;
import io.dealflow.platform.test.OpenAiStub.Message;
import io.dealflow.platform.test.OpenAiStub.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.Disposable;

/** The assistant against a local server speaking the OpenAI chat-completions protocol. */
class OpenAiCompatibleAssistantTest {

  private static OpenAiStub stub;

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AiAutoConfiguration.class))
          .withPropertyValues(
              "dealflow.ai.base-url=" + stub.baseUrl(),
              "dealflow.ai.model=coach-model",
              "dealflow.ai.api-key=test-key",
              "dealflow.ai.max-retries=0",
              "dealflow.ai.read-timeout=2s");

  @BeforeAll
  static void startStub() {
    stub = OpenAiStub.start();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @BeforeEach
  void clearStub() {
    stub.clear();
    stub.reply(Reply.chunks("Lead ", "with ", "the ", "customer's ", "pain."));
  }

  private static Prompt conversation() {
    return new Prompt(
        List.of(
            new SystemMessage("You coach sales reps on the Acme strategy."),
            new UserMessage("How do I open?"),
            new AssistantMessage("Ask about their current process."),
            new UserMessage("And then?")));
  }

  @Test
  void callAnswersWithTheProvidersAnswer() {
    contexts.run(
        context -> {
          Assistant assistant = context.getBean(Assistant.class);

          assertThat(assistant.call(conversation())).isEqualTo("Lead with the customer's pain.");
          assertThat(assistant.provider().kind())
              .isEqualTo(ActiveAiProvider.Kind.OPENAI_COMPATIBLE);
          assertThat(stub.lastRequest().stream()).isFalse();
        });
  }

  @Test
  void requestCarriesModelConversationAndKey() {
    contexts.run(
        context -> {
          context.getBean(Assistant.class).call(conversation());

          OpenAiStub.Request request = stub.lastRequest();
          assertThat(request.model()).isEqualTo("coach-model");
          assertThat(request.authorization()).isEqualTo("Bearer test-key");
          assertThat(request.messages())
              .containsExactly(
                  new Message("system", "You coach sales reps on the Acme strategy."),
                  new Message("user", "How do I open?"),
                  new Message("assistant", "Ask about their current process."),
                  new Message("user", "And then?"));
        });
  }

  @Test
  void withoutAKeyNoAuthorizationHeaderIsSent() {
    contexts
        .withPropertyValues("dealflow.ai.api-key=")
        .run(
            context -> {
              context.getBean(Assistant.class).call(conversation());

              assertThat(stub.lastRequest().authorization()).isNull();
            });
  }

  @Test
  void streamDeliversThePiecesInOrder() {
    contexts.run(
        context -> {
          List<String> pieces =
              context.getBean(Assistant.class).stream(conversation()).collectList().block();

          assertThat(pieces).containsExactly("Lead ", "with ", "the ", "customer's ", "pain.");
          assertThat(String.join("", pieces)).isEqualTo("Lead with the customer's pain.");
          assertThat(stub.lastRequest().stream()).isTrue();
          assertThat(stub.lastRequest().messages()).hasSize(4);
          assertThat(stub.lastRequest().authorization()).isEqualTo("Bearer test-key");
        });
  }

  @Test
  void streamPiecesArriveAsTheProviderSendsThem() {
    stub.reply(Reply.chunks("one ", "two ", "three").pacedBy(Duration.ofMillis(300)));
    contexts.run(
        context -> {
          List<Long> arrivals = new CopyOnWriteArrayList<>();
          long start = System.nanoTime();
          context.getBean(Assistant.class).stream(conversation())
              .doOnNext(piece -> arrivals.add((System.nanoTime() - start) / 1_000_000))
              .blockLast();

          assertThat(arrivals).hasSize(3);
          assertThat(arrivals.get(2) - arrivals.get(0)).isGreaterThanOrEqualTo(500);
        });
  }

  @Test
  void refusedKeyIsNotAuthorized() {
    stub.reply(Reply.failure(401, "Incorrect API key provided: test-***key"));
    contexts.run(
        context -> {
          Assistant assistant = context.getBean(Assistant.class);

          assertThatThrownBy(() -> assistant.call(conversation()))
              .isInstanceOfSatisfying(
                  AiProviderException.class,
                  e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED);
                    assertThat(e.status()).hasValue(401);
                    assertThat(e.getMessage()).doesNotContain("test-");
                  });
          assertThatThrownBy(() -> assistant.stream(conversation()).blockLast())
              .isInstanceOfSatisfying(
                  AiProviderException.class,
                  e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
        });
  }

  @Test
  void serverErrorIsUnavailable() {
    stub.reply(Reply.failure(500, "The server had an error"));
    contexts.run(
        context -> {
          Assistant assistant = context.getBean(Assistant.class);

          assertThatThrownBy(() -> assistant.call(conversation()))
              .isInstanceOfSatisfying(
                  AiProviderException.class,
                  e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.status()).hasValue(500);
                  });
          assertThatThrownBy(() -> assistant.stream(conversation()).blockLast())
              .isInstanceOfSatisfying(
                  AiProviderException.class,
                  e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        });
  }

  @Test
  void unknownModelIsRejected() {
    stub.reply(Reply.failure(404, "The model 'coach-model' does not exist"));
    contexts.run(
        context ->
            assertThatThrownBy(() -> context.getBean(Assistant.class).call(conversation()))
                .isInstanceOfSatisfying(
                    AiProviderException.class,
                    e -> {
                      assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                      assertThat(e.getMessage()).contains("does not exist");
                    }));
  }

  @Test
  void retriesAServerErrorAsConfigured() {
    stub.reply(Reply.failure(503, "Overloaded"));
    contexts
        .withPropertyValues("dealflow.ai.max-retries=1")
        .run(
            context -> {
              assertThatThrownBy(() -> context.getBean(Assistant.class).call(conversation()))
                  .isInstanceOf(AiProviderException.class);

              assertThat(stub.requests()).hasSize(2);
            });
  }

  @Test
  void unreachableProviderIsUnavailable() {
    contexts
        .withPropertyValues("dealflow.ai.base-url=http://127.0.0.1:1/v1")
        .run(
            context ->
                assertThatThrownBy(
                        () -> context.getBean(Assistant.class).stream(conversation()).blockLast())
                    .isInstanceOfSatisfying(
                        AiProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE)));
  }

  @Test
  void silentProviderTimesOut() {
    stub.reply(Reply.chunks("too late").delayedBy(Duration.ofSeconds(5)));
    contexts
        .withPropertyValues("dealflow.ai.read-timeout=300ms")
        .run(
            context -> {
              Assistant assistant = context.getBean(Assistant.class);
              long start = System.nanoTime();

              assertThatThrownBy(() -> assistant.call(conversation()))
                  .isInstanceOfSatisfying(
                      AiProviderException.class,
                      e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(Duration.ofSeconds(3));
            });
  }

  @Test
  void streamThatStallsMidwayTimesOutAfterWhatArrived() {
    stub.reply(Reply.chunks("first ", "never").pacedBy(Duration.ofSeconds(5)));
    contexts
        .withPropertyValues("dealflow.ai.read-timeout=300ms")
        .run(
            context -> {
              List<String> received = new ArrayList<>();

              assertThatThrownBy(
                      () ->
                          context.getBean(Assistant.class).stream(conversation())
                              .doOnNext(received::add)
                              .blockLast(Duration.ofSeconds(4)))
                  .isInstanceOfSatisfying(
                      AiProviderException.class,
                      e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
              assertThat(received).containsExactly("first ");
            });
  }

  @Test
  void answerLongerThanTheRequestTimeoutIsCut() {
    stub.reply(Reply.chunks("a ", "b ", "c ", "d ", "e ").pacedBy(Duration.ofMillis(250)));
    contexts
        .withPropertyValues("dealflow.ai.request-timeout=600ms")
        .run(
            context ->
                assertThatThrownBy(
                        () -> context.getBean(Assistant.class).stream(conversation()).blockLast())
                    .isInstanceOfSatisfying(
                        AiProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT)));
  }

  @Test
  void cancellingTheStreamClosesTheProvidersConnection() {
    int chunks = 40;
    stub.reply(
        Reply.chunks(java.util.Collections.nCopies(chunks, "word ").toArray(String[]::new))
            .pacedBy(Duration.ofMillis(50)));
    contexts.run(
        context -> {
          CountDownLatch twoReceived = new CountDownLatch(2);
          Disposable subscription =
              context.getBean(Assistant.class).stream(conversation())
                  .subscribe(piece -> twoReceived.countDown());
          assertThat(twoReceived.await(5, TimeUnit.SECONDS)).isTrue();

          subscription.dispose();

          await()
              .atMost(Duration.ofSeconds(5))
              .untilAsserted(() -> assertThat(stub.streamsClosedByClient()).isEqualTo(1));
          assertThat(stub.chunksSent()).isLessThan(chunks);
        });
  }

  @Test
  void openAiModelIsTheChatModelBesideTheOfflineOne() {
    contexts
        .withBean(OfflineChatModel.class, NotConfiguredChatModel::new)
        .run(
            context -> {
              assertThat(context.getBean(ChatModel.class)).isInstanceOf(OpenAiChatModel.class);
              assertThat(context.getBean(Assistant.class).provider().kind())
                  .isEqualTo(ActiveAiProvider.Kind.OPENAI_COMPATIBLE);
            });
  }
}
