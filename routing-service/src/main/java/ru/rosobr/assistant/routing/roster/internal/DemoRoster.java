package ru.rosobr.assistant.routing.roster.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.routing.roster.Roster;

/** Puts the demo operators of the pilot regions on the roster, on shift; a second start changes nothing. */
public class DemoRoster {

    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);

    /** Same usernames as operator-service's demo users: an assignment names the login of the operator. */
    record DemoOperator(String username, String region) {
    }

    static final List<DemoOperator> OPERATORS = List.of(
            new DemoOperator("operator58", "58"),
            new DemoOperator("operator33", "33"));

    private final Roster roster;
    private final TransactionalOperator tx;

    public DemoRoster(Roster roster, TransactionalOperator tx) {
        this.roster = roster;
        this.tx = tx;
    }

    public Mono<Long> seed() {
        return Flux.fromIterable(OPERATORS)
                .concatMap(o -> roster.addIfAbsent(o.username(), o.region(), true))
                .filter(Boolean::booleanValue)
                .count()
                .as(tx::transactional)
                .doOnNext(n -> log.info("demo roster: {} operators added", n));
    }
}
