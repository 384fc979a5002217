package ru.rosobr.assistant.intake.delivery.internal;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.delivery.ChannelAdapter;
import ru.rosobr.assistant.intake.delivery.Deliveries;
import ru.rosobr.assistant.intake.delivery.DeliveryResult;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.intake.teacher.Teachers;

/**
 * Handles one outbound message: registers it, moves the appeal's state by the message kind, hands it to the
 * adapter of the teacher's channel and records (and emits) the outcome. Runs in the consumer's transaction.
 */
public class DeliveryFlow {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFlow.class);

    private final Teachers teachers;
    private final Appeals appeals;
    private final Deliveries deliveries;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

    public DeliveryFlow(Teachers teachers, Appeals appeals, Deliveries deliveries, List<ChannelAdapter> adapters) {
        this.teachers = teachers;
        this.appeals = appeals;
        this.deliveries = deliveries;
        for (ChannelAdapter adapter : adapters) {
            if (this.adapters.put(adapter.channel(), adapter) != null) {
                throw new IllegalStateException("two adapters for channel " + adapter.channel());
            }
        }
    }

    private record Outcome(Channel channel, DeliveryResult result) {
    }

    /**
     * Handles a run of outbound messages in a few statements, whatever its length: their teachers are read at
     * once, each adapter decides (send now, hold, cannot go), the messages are registered in one insert and their
     * appeals updated in one statement. A message registered before (a replay under another consumer id) is not
     * delivered again.
     */
    public Mono<Void> onOutbound(List<OutboundMessage> messages) {
        Set<String> teacherIds = new LinkedHashSet<>();
        messages.forEach(m -> teacherIds.add(m.teacherId()));
        return teachers.findAll(teacherIds)
                .flatMap(known -> Flux.fromIterable(messages)
                        .concatMap(m -> decide(known.get(m.teacherId()), m)
                                .map(o -> new Deliveries.Registration(m, o.channel(), o.result())), 0)
                        .collectList())
                .flatMap(deliveries::register)
                .flatMap(added -> {
                    if (added.size() < messages.size()) {
                        Set<UUID> fresh = new HashSet<>();
                        added.forEach(r -> fresh.add(r.message().eventId()));
                        messages.stream().filter(m -> !fresh.contains(m.eventId())).forEach(m ->
                                // the platform de-duplicates by event id already; this catches a replay under
                                // another consumer id
                                log.info("outbound {} was registered before; not delivered again", m.eventId()));
                    }
                    added.forEach(r -> log.debug("outbound {} ({}) to teacher {} via {}: {}{}",
                            r.message().eventId(), r.message().kind(), r.message().teacherId(), r.channel(),
                            r.result().status(), r.result().reason() == null ? "" : " — " + r.result().reason()));
                    List<OutboundMessage> fresh = added.stream().map(Deliveries.Registration::message).toList();
                    return appeals.onOutbound(fresh).doOnNext(found -> fresh.stream()
                            .filter(m -> m.appealId() != null && !found.contains(m.appealId()))
                            .forEach(m -> log.warn("outbound {} refers to appeal {} that intake does not know",
                                    m.eventId(), m.appealId())));
                })
                .then();
    }

    private Mono<Outcome> decide(Teacher teacher, OutboundMessage m) {
        if (teacher == null) {
            return Mono.just(new Outcome(null,
                    DeliveryResult.failed("получатель неизвестен: нет педагога " + m.teacherId(), 0)));
        }
        return deliverTo(teacher, m);
    }

    private Mono<Outcome> deliverTo(Teacher teacher, OutboundMessage m) {
        ChannelAdapter adapter = adapters.get(teacher.channel());
        if (adapter == null) {
            return Mono.just(new Outcome(teacher.channel(),
                    DeliveryResult.failed("канал " + teacher.channel() + " не подключён", 0)));
        }
        return adapter.deliver(teacher, m).map(result -> new Outcome(teacher.channel(), result));
    }
}
