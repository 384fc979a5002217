package ru.rosobr.assistant.platform.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public keys of operator-service, fetched from its JWKS endpoint and cached. A token whose {@code kid} is not
 * in the cache makes one fetch (that is how a new signing key is learnt without a restart), but at most one per
 * {@code minRefetch}: forged tokens with invented key ids must not turn every request into a call to the issuer.
 * The set is also refreshed after {@code maxAge}, so a key the issuer stopped publishing is forgotten. When the
 * issuer cannot be reached the keys already known keep working.
 */
public final class RemoteJwks implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);

    private final WebClient client;
    private final URI uri;
    private final Duration minRefetch;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(null, Instant.EPOCH));
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    public RemoteJwks(URI uri, Duration minRefetch, Duration maxAge, Clock clock) {
        this.client = WebClient.create();
        this.uri = uri;
        this.minRefetch = minRefetch;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public RemoteJwks(String uri) {
        this(URI.create(uri), Duration.ofSeconds(10), Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return Flux.empty(); // every key of the issuer has an id: a token without one is not theirs
        }
        Snapshot now = snapshot.get();
        JWK known = now.keys() == null ? null : now.keys().getKeyByKeyId(kid);
        Instant at = clock.instant();
        boolean fresh = now.fetchedAt().plus(maxAge).isAfter(at);
        boolean mayFetch = !now.fetchedAt().plus(minRefetch).isAfter(at);
        if (known != null && fresh) {
            return Flux.just(known);
        }
        if (!mayFetch) {
            return known == null ? Flux.empty() : Flux.just(known);
        }
        return fetch().flatMapMany(keys -> {
            JWK key = keys.getKeyByKeyId(kid);
            return key == null ? Flux.empty() : Flux.just(key);
        }).onErrorResume(e -> {
            log.warn("public keys could not be fetched from {}: {}", uri, e.toString());
            return known == null ? Flux.empty() : Flux.just(known);
        });
    }

    /** One fetch at a time, shared by every token waiting for it. */
    private Mono<JWKSet> fetch() {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<JWKSet> request = client.get().uri(uri).retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(3))
                .map(RemoteJwks::parse)
                .doOnNext(keys -> snapshot.set(new Snapshot(keys, clock.instant())))
                .doOnError(e -> snapshot.updateAndGet(s -> new Snapshot(s.keys(), clock.instant())))
                .doFinally(s -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, request) ? request : fetch();
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JWK set", e);
        }
    }
}
