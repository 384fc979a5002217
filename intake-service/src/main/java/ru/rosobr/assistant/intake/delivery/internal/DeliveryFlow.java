package ru.rosobr.assistant.intake.delivery.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public Mono<Void> onOutbound(OutboundMessage m) {
        // the adapter only decides (send now, hold, cannot go): the record is written once, with that outcome
        return deliver(m).flatMap(o -> deliveries.register(m, o.channel(), o.result()).flatMap(fresh -> {
            if (!fresh) {
                // the platform de-duplicates by event id already; this catches a replay under another consumer id
                log.info("outbound {} was registered before; not delivered again", m.eventId());
                return Mono.empty();
            }
            log.debug("outbound {} ({}) to teacher {} via {}: {}{}", m.eventId(), m.kind(), m.teacherId(),
                    o.channel(), o.result().status(), o.result().reason() == null ? "" : " — " + o.result().reason());
            return updateAppeal(m);
        }));
    }

    private Mono<Void> updateAppeal(OutboundMessage m) {
        if (m.appealId() == null) {
            return Mono.empty();
        }
        return appeals.onOutbound(m.appealId(), m.kind(), m.eventId(), m.text())
                .doOnNext(known -> {
                    if (!known) {
                        log.warn("outbound {} refers to appeal {} that intake does not know", m.eventId(),
                                m.appealId());
                    }
                })
                .then();
    }

    private Mono<Outcome> deliver(OutboundMessage m) {
        return teachers.find(m.teacherId())
                .flatMap(teacher -> deliverTo(teacher, m))
                .switchIfEmpty(Mono.fromSupplier(() -> new Outcome(null,
                        DeliveryResult.failed("получатель неизвестен: нет педагога " + m.teacherId(), 0))));
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
