package ru.rosobr.assistant.routing.assignment;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.routing.assignment.internal.AssignmentFlow;
import ru.rosobr.assistant.routing.roster.Roster;
import ru.rosobr.assistant.routing.roster.RosterEntry;

/**
 * Operators coming on and going off shift. Coming on shift takes the region's queue; going off shift keeps the open
 * appeals with the operator or routes them again, per {@link OffShiftPolicy}. The shift change, the moved appeals,
 * their {@code appeal.assigned} events, the shift log and the entry for the console's audit log ({@code audit.routing})
 * commit in one transaction.
 */
public class Shifts {

    private static final Logger log = LoggerFactory.getLogger(Shifts.class);

    /** The operator after the change, and how many appeals moved because of it. */
    public record ShiftChange(RosterEntry operator, int movedAppeals, OffShiftPolicy offShiftPolicy) {
    }

    private final Roster roster;
    private final AssignmentFlow flow;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    private final OffShiftPolicy offShiftPolicy;

    public Shifts(Roster roster, AssignmentFlow flow, TransactionalOperator tx, Outbox outbox,
                  OffShiftPolicy offShiftPolicy) {
        this.roster = roster;
        this.flow = flow;
        this.tx = tx;
        this.outbox = outbox;
        this.offShiftPolicy = offShiftPolicy;
    }

    public OffShiftPolicy offShiftPolicy() {
        return offShiftPolicy;
    }

    /**
     * The operator comes on shift. An operator not yet on the roster is added with the region of their token; one
     * already there keeps the region the roster has (an admin may have moved them).
     */
    public Mono<ShiftChange> start(String username, String tokenRegion, String changedBy) {
        return roster.find(username)
                .switchIfEmpty(Mono.defer(() -> {
                    if (tokenRegion == null || !Regions.exists(tokenRegion)) {
                        return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "У вашей учётной записи не указан регион: выйти на смену нельзя"));
                    }
                    return roster.upsert(username, tokenRegion);
                }))
                .flatMap(entry -> comeOnShift(entry, changedBy))
                .as(tx::transactional);
    }

    /** The operator goes off shift; their open appeals stay or move per the policy. */
    public Mono<ShiftChange> end(String username, String changedBy) {
        return roster.find(username)
                .switchIfEmpty(Mono.error(() -> notOnRoster(username)))
                .flatMap(entry -> goOffShift(entry, changedBy))
                .as(tx::transactional);
    }

    /**
     * An admin puts an operator on the roster, moves them to another region, or changes their shift (with the same
     * effects as the operator's own start / end).
     */
    public Mono<ShiftChange> set(String username, String region, Boolean onShift, String changedBy) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return Mono.error(badRequest("Укажите логин оператора"));
        }
        if (region != null && !Regions.exists(region)) {
            return Mono.error(badRequest("Неизвестный код региона: " + region));
        }
        return roster.find(username)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(existing -> {
                    if (existing.isEmpty() && region == null) {
                        return Mono.error(badRequest("Для нового оператора укажите регион"));
                    }
                    boolean stays = existing.isPresent()
                            && (region == null || existing.get().region().equals(region));
                    Mono<RosterEntry> placed = stays ? Mono.just(existing.get())
                            : roster.upsert(username, region).flatMap(e -> outbox.append(StaffActionAudited.of(changedBy,
                                    "ROSTER_PLACE", e.region(), "оператор " + e.username() + " в регионе "
                                            + e.region())).thenReturn(e));
                    return placed.flatMap(entry -> {
                        if (onShift == null) {
                            return Mono.just(new ShiftChange(entry, 0, offShiftPolicy));
                        }
                        return onShift ? comeOnShift(entry, changedBy) : goOffShift(entry, changedBy);
                    });
                })
                .as(tx::transactional);
    }

    public Mono<RosterEntry> find(String username) {
        return roster.find(username);
    }

    private Mono<ShiftChange> comeOnShift(RosterEntry entry, String changedBy) {
        UUID shiftEvent = UUID.randomUUID();
        return roster.lock(entry.username())
                .then(roster.setShift(entry.username(), true))
                // even an operator already on shift sweeps the queue: nothing should wait while someone works
                .then(flow.takeQueue(entry.username(), entry.region(), shiftEvent))
                .flatMap(taken -> roster.logShift(entry.username(), entry.region(), true, changedBy, null, taken)
                        .then(outbox.append(StaffActionAudited.of(changedBy, "SHIFT_START", entry.region(),
                                shiftDetails(entry.username(), changedBy, "взято из очереди", taken))))
                        .then(roster.find(entry.username()))
                        .map(now -> {
                            log.info("{} on shift in region {} (by {}): {} appeal(s) taken from the queue",
                                    entry.username(), entry.region(), changedBy, taken);
                            return new ShiftChange(now, taken, offShiftPolicy);
                        }));
    }

    private Mono<ShiftChange> goOffShift(RosterEntry entry, String changedBy) {
        UUID shiftEvent = UUID.randomUUID();
        return roster.lock(entry.username())
                .then(roster.setShift(entry.username(), false))
                .then(flow.handOn(entry.username(), entry.region(), offShiftPolicy, shiftEvent))
                .flatMap(moved -> roster.logShift(entry.username(), entry.region(), false, changedBy,
                                offShiftPolicy.name(), moved)
                        .then(outbox.append(StaffActionAudited.of(changedBy, "SHIFT_END", entry.region(),
                                shiftDetails(entry.username(), changedBy, "передано дальше", moved))))
                        .then(roster.find(entry.username()))
                        .map(now -> {
                            log.info("{} off shift in region {} (by {}, policy {}): {} appeal(s) handed on",
                                    entry.username(), entry.region(), changedBy, offShiftPolicy, moved);
                            return new ShiftChange(now, moved, offShiftPolicy);
                        }));
    }

    /** The audit log's line: whose shift (when someone else changed it) and how many appeals moved. */
    private static String shiftDetails(String username, String changedBy, String moved, int count) {
        String who = username.equals(changedBy) ? "" : "оператор " + username + "; ";
        return who + moved + " обращений: " + count;
    }

    private static ResponseStatusException notOnRoster(String username) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Оператора " + username + " нет в реестре: обратитесь к администратору");
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
