package io.dealflow.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The realm's signing keys as its JWKS publishes them: fetched when a token first needs them, again
 * every {@code refreshEvery}, and again when a token names a key the set does not hold (at most
 * once per {@link #UNKNOWN_KEY_GAP}, so that tokens with invented key ids cannot make the gateway
 * hammer Keycloak). A key removed from the realm therefore stops verifying tokens within {@code
 * refreshEvery}, even when no token ever names an unknown key.
 *
 * <p>A failed fetch keeps the keys held (a Keycloak that is down for a while must not turn every
 * request into a 401) and is logged; the next scheduled refresh tries again. Every change of the
 * set starts a new {@link #generation()} and is told to the listener: {@link VerifiedTokens} keeps
 * a token only for the generation of keys that verified it.
 */
final class RealmKeys implements AutoCloseable {

  /** The shortest time between two fetches caused by tokens naming an unknown key. */
  static final Duration UNKNOWN_KEY_GAP = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(RealmKeys.class);

  private final WebClient client;
  private final String jwkSetUri;
  private final Duration refreshEvery;
  private final Clock clock;
  private final AtomicReference<@Nullable JWKSet> current = new AtomicReference<>();
  private final AtomicReference<@Nullable Mono<JWKSet>> inFlight = new AtomicReference<>();
  private final AtomicLong lastFetchStarted = new AtomicLong(Long.MIN_VALUE / 2);
  private volatile long generation;
  private volatile Runnable onChange = () -> {};
  private @Nullable Disposable schedule;

  RealmKeys(WebClient client, String jwkSetUri, Duration refreshEvery, Clock clock) {
    if (refreshEvery.isNegative() || refreshEvery.isZero()) {
      throw new IllegalArgumentException("the key set's refresh interval must be positive");
    }
    this.client = client;
    this.jwkSetUri = jwkSetUri;
    this.refreshEvery = refreshEvery;
    this.clock = clock;
  }

  /** Refreshes the set every {@code refreshEvery} from now on, until {@link #close()}. */
  RealmKeys start() {
    schedule =
        Flux.interval(refreshEvery, refreshEvery, Schedulers.parallel())
            .onBackpressureDrop()
            .concatMap(tick -> fetch().onErrorResume(failure -> Mono.empty()), 1)
            .subscribe();
    return this;
  }

  @Override
  public void close() {
    Disposable running = schedule;
    if (running != null) {
      running.dispose();
    }
  }

  /** Called after every change of the set. */
  void onChange(Runnable listener) {
    this.onChange = listener;
  }

  /** Counts the changes of the set: equal generations saw the same keys. */
  long generation() {
    return generation;
  }

  /**
   * The keys of the set that match the token's header ({@code kid}, {@code alg}, key type),
   * fetching the set first when it was never fetched or holds no such key. Such a fetch waits until
   * {@link #UNKNOWN_KEY_GAP} has passed since the last one began, so that a token of a key the
   * realm has just added is verified a moment later rather than refused. When the fetch fails, the
   * keys held answer; with none held the failure is the token's.
   */
  Flux<JWK> keysFor(SignedJWT token) {
    return keysFor(new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader())), clock.millis());
  }

  private Flux<JWK> keysFor(JWKSelector selector, long askedAt) {
    JWKSet held = current.get();
    if (held != null) {
      List<JWK> keys = selector.select(held);
      if (!keys.isEmpty()) {
        return Flux.fromIterable(keys);
      }
    }
    boolean fetching = inFlight.get() != null;
    if (held != null && !fetching && lastFetchStarted.get() >= askedAt) {
      return Flux.empty(); // fetched since the token came, and the key is not there
    }
    long wait = lastFetchStarted.get() + UNKNOWN_KEY_GAP.toMillis() - clock.millis();
    if (wait > 0 && !fetching) {
      return Mono.delay(Duration.ofMillis(wait))
          .thenMany(Flux.defer(() -> keysFor(selector, askedAt)));
    }
    return fetch()
        .onErrorResume(failure -> held != null ? Mono.just(held) : Mono.error(failure))
        .flatMapIterable(selector::select);
  }

  /** Fetches the set now, or joins the fetch under way. */
  Mono<JWKSet> fetch() {
    Mono<JWKSet> running = inFlight.get();
    if (running != null) {
      return running;
    }
    AtomicReference<@Nullable Mono<JWKSet>> self = new AtomicReference<>();
    Mono<JWKSet> fetch =
        Mono.defer(
                () -> {
                  lastFetchStarted.set(clock.millis());
                  return client
                      .get()
                      .uri(jwkSetUri)
                      .accept(MediaType.APPLICATION_JSON)
                      .retrieve()
                      .bodyToMono(String.class);
                })
            .map(RealmKeys::parse)
            .doOnNext(this::replace)
            // Before anyone hears the outcome: a fetch asked for after it starts anew.
            .doOnEach(signal -> inFlight.compareAndSet(self.get(), null))
            .doOnError(
                failure ->
                    log.warn(
                        "Could not fetch the realm's signing keys from {} ({}); the {} key(s)"
                            + " held stay in use",
                        jwkSetUri,
                        failure.toString(),
                        held()))
            .cache();
    self.set(fetch);
    return inFlight.compareAndSet(null, fetch) ? fetch : fetch();
  }

  private int held() {
    JWKSet held = current.get();
    return held == null ? 0 : held.size();
  }

  private synchronized void replace(JWKSet fetched) {
    JWKSet previous = current.get();
    if (previous != null && previous.getKeys().equals(fetched.getKeys())) {
      return;
    }
    // The keys first, then the generation: whoever reads the new generation sees the new keys.
    current.set(fetched);
    generation++;
    if (previous != null) {
      log.info(
          "The realm's signing keys changed: now {}, before {}", keyIds(fetched), keyIds(previous));
    }
    onChange.run();
  }

  private static List<@Nullable String> keyIds(JWKSet set) {
    return set.getKeys().stream().map(JWK::getKeyID).toList();
  }

  private static JWKSet parse(String body) {
    try {
      return JWKSet.parse(body);
    } catch (ParseException e) {
      throw new IllegalStateException("The JWKS is not a key set: " + e.getMessage(), e);
    }
  }
}
