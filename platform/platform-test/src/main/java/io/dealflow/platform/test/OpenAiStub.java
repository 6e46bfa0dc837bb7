package io.dealflow.platform.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server that speaks the OpenAI chat-completions protocol ({@code POST
 * /v1/chat/completions}, answered as one JSON document or, with {@code "stream": true}, as
 * server-sent events ending with {@code data: [DONE]}), so that a service's AI provider can be
 * tested without a network. It records what it was sent and answers what the test told it to.
 *
 * <pre>{@code
 * try (OpenAiStub stub = OpenAiStub.start()) {
 *   stub.reply(Reply.chunks("Open with ", "a question."));
 *   // dealflow.ai.base-url=stub.baseUrl(), dealflow.ai.model=any name
 *   ...
 *   assertThat(stub.lastRequest().messages()).first().extracting(Message::role).isEqualTo("system");
 * }
 * }</pre>
 */
public final class OpenAiStub implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger streamsClosedByClient = new AtomicInteger();
  private final AtomicInteger chunksSent = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Reply reply = Reply.chunks("Hello from the stub.");
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();

  private OpenAiStub(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a stub on a free port of the loopback address. */
  public static OpenAiStub start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool();
      OpenAiStub stub = new OpenAiStub(server, executor);
      server.createContext("/v1/chat/completions", stub::handle);
      server.setExecutor(executor);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What to configure as the provider's base URL: {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort()
        + "/v1";
  }

  /** How every following request is answered (until the next call). */
  public OpenAiStub reply(Reply reply) {
    script.clear();
    this.reply = reply;
    return this;
  }

  /**
   * How the next requests are answered, one reply each, in order; the last one then answers every
   * request after them. A model that calls a tool is scripted this way: first a {@link
   * Reply#toolCalls} reply, then the answer to the request that carries the tool's result.
   */
  public OpenAiStub script(Reply first, Reply... then) {
    script.clear();
    List<Reply> replies = new ArrayList<>();
    replies.add(first);
    replies.addAll(Arrays.asList(then));
    this.reply = replies.getLast();
    script.addAll(replies.subList(0, replies.size() - 1));
    return this;
  }

  /** Every request received so far, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The newest request; fails when none arrived. */
  public Request lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("The OpenAI stub has received no request");
    }
    return requests.getLast();
  }

  /**
   * Streamed answers the stub stopped because the client had closed the connection (the write of
   * the next chunk failed).
   */
  public int streamsClosedByClient() {
    return streamsClosedByClient.get();
  }

  /** Stream chunks written so far, over all requests. */
  public int chunksSent() {
    return chunksSent.get();
  }

  /** Forgets the recorded requests and counters; the reply stays. */
  public void clear() {
    requests.clear();
    streamsClosedByClient.set(0);
    chunksSent.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, error("Only POST is supported", "invalid_request_error"));
        return;
      }
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Request request = Request.of(body, exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(request);
      Reply scripted = script.poll();
      Reply current = scripted != null ? scripted : reply;
      Thread.sleep(current.delay());
      if (current.status() != 200) {
        send(exchange, current.status(), error(current.errorMessage(), errorType(current)));
      } else if (request.stream()) {
        stream(exchange, request, current);
      } else {
        send(exchange, 200, completion(request, current));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stream(HttpExchange exchange, Request request, Reply reply)
      throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    String id = "chatcmpl-stub-" + ids.incrementAndGet();
    OutputStream out = exchange.getResponseBody();
    try {
      for (int i = 0; i < reply.chunks().size(); i++) {
        if (i > 0) {
          Thread.sleep(reply.pace());
        }
        ObjectNode delta = JSON.createObjectNode();
        if (i == 0) {
          delta.put("role", "assistant");
        }
        delta.put("content", reply.chunks().get(i));
        event(out, chunk(id, request.model(), delta, null));
        chunksSent.incrementAndGet();
      }
      event(out, chunk(id, request.model(), JSON.createObjectNode(), "stop"));
      if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
        ObjectNode usage = chunkEnvelope(id, request.model());
        usage.putArray("choices");
        usage.set("usage", usage(request, reply));
        event(out, usage);
      }
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException closedByClient) {
      streamsClosedByClient.incrementAndGet();
    }
  }

  private static void event(OutputStream out, JsonNode data) throws IOException {
    out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static ObjectNode chunkEnvelope(String id, String model) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk.put("id", id);
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", Instant.now().getEpochSecond());
    chunk.put("model", model);
    return chunk;
  }

  private static ObjectNode chunk(
      String id, String model, ObjectNode delta, @Nullable String finishReason) {
    ObjectNode chunk = chunkEnvelope(id, model);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk;
  }

  private ObjectNode completion(Request request, Reply reply) {
    ObjectNode completion = JSON.createObjectNode();
    completion.put("id", "chatcmpl-stub-" + ids.incrementAndGet());
    completion.put("object", "chat.completion");
    completion.put("created", Instant.now().getEpochSecond());
    completion.put("model", request.model());
    ObjectNode choice = completion.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (reply.toolCalls().isEmpty()) {
      message.put("content", String.join("", reply.chunks()));
    } else {
      message.putNull("content");
      ArrayNode calls = message.putArray("tool_calls");
      for (ToolCall call : reply.toolCalls()) {
        ObjectNode function =
            calls
                .addObject()
                .put("id", "call_stub_" + ids.incrementAndGet())
                .put("type", "function")
                .putObject("function");
        function.put("name", call.name());
        function.put("arguments", call.arguments());
      }
    }
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", reply.toolCalls().isEmpty() ? "stop" : "tool_calls");
    completion.set("usage", usage(request, reply));
    return completion;
  }

  private static ObjectNode usage(Request request, Reply reply) {
    int prompt = request.messages().stream().mapToInt(m -> words(m.content())).sum();
    int completion = reply.chunks().stream().mapToInt(OpenAiStub::words).sum();
    ObjectNode usage = JSON.createObjectNode();
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", prompt + completion);
    return usage;
  }

  private static int words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  private static String errorType(Reply reply) {
    return switch (reply.status()) {
      case 401 -> "invalid_request_error";
      case 429 -> "rate_limit_exceeded";
      default -> reply.status() >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  private static ObjectNode error(String message, String type) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    error.putNull("code");
    return body;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * How the stub answers: the answer's chunks (one JSON answer is their concatenation) or an error
   * status, after an optional delay, with an optional pause between streamed chunks.
   *
   * @param status 200, or the error status to answer with
   * @param chunks the streamed pieces of the answer
   * @param errorMessage the {@code error.message} of an error answer
   * @param delay how long the stub waits before it answers at all (a stalled provider)
   * @param pace the pause between two streamed chunks
   * @param toolCalls the tools the model calls instead of answering (one JSON answer only)
   */
  public record Reply(
      int status,
      List<String> chunks,
      String errorMessage,
      Duration delay,
      Duration pace,
      List<ToolCall> toolCalls) {

    public Reply {
      chunks = List.copyOf(chunks);
      toolCalls = List.copyOf(toolCalls);
    }

    /** Answers with these chunks: streamed one by one, or concatenated as one answer. */
    public static Reply chunks(String... chunks) {
      return new Reply(200, Arrays.asList(chunks), "", Duration.ZERO, Duration.ZERO, List.of());
    }

    /**
     * Calls these tools instead of answering ({@code finish_reason: tool_calls}); the client is
     * expected to run them and ask again with their results.
     */
    public static Reply toolCalls(ToolCall... calls) {
      return new Reply(200, List.of(), "", Duration.ZERO, Duration.ZERO, Arrays.asList(calls));
    }

    /** Answers with this status and an OpenAI error body carrying the message. */
    public static Reply failure(int status, String message) {
      if (status < 400) {
        throw new IllegalArgumentException("A failure needs an error status, not " + status);
      }
      return new Reply(status, List.of(), message, Duration.ZERO, Duration.ZERO, List.of());
    }

    /** The same reply, sent only after the stub kept the request waiting this long. */
    public Reply delayedBy(Duration delay) {
      return new Reply(status, chunks, errorMessage, delay, pace, toolCalls);
    }

    /** The same reply, with this pause between two streamed chunks. */
    public Reply pacedBy(Duration pace) {
      return new Reply(status, chunks, errorMessage, delay, pace, toolCalls);
    }
  }

  /**
   * A tool the model calls.
   *
   * @param name the tool's name, as the request offered it
   * @param arguments its arguments, a JSON object as text
   */
  public record ToolCall(String name, String arguments) {}

  /**
   * One request the stub received.
   *
   * @param model the requested model
   * @param stream whether a streamed answer was asked for
   * @param messages the conversation sent, in order
   * @param authorization the {@code Authorization} header, if any
   * @param body the whole request document
   */
  public record Request(
      String model,
      boolean stream,
      List<Message> messages,
      @Nullable String authorization,
      JsonNode body) {

    /** The names of the tools the request offers the model. */
    public List<String> tools() {
      List<String> names = new ArrayList<>();
      for (JsonNode tool : body.path("tools")) {
        names.add(tool.path("function").path("name").asString());
      }
      return names;
    }

    static Request of(JsonNode body, @Nullable String authorization) {
      List<Message> messages = new ArrayList<>();
      for (JsonNode message : body.path("messages")) {
        messages.add(new Message(message.path("role").asString(), text(message.path("content"))));
      }
      return new Request(
          body.path("model").asString(),
          body.path("stream").asBoolean(false),
          List.copyOf(messages),
          authorization,
          body);
    }

    /** Content given as a list of parts is read as the concatenation of its text parts. */
    private static String text(JsonNode content) {
      if (content instanceof ArrayNode parts) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
          text.append(part.path("text").asString(""));
        }
        return text.toString();
      }
      return content.asString("");
    }
  }

  /**
   * One message of a request.
   *
   * @param role {@code system}, {@code user}, {@code assistant}, ...
   * @param content its text
   */
  public record Message(String role, String content) {}
}
