package ru.rosobr.assistant.intake.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.teacher.Teacher;

/**
 * The delivery adapter of a messenger platform (MAX, VK). Inside the consumer's transaction it only decides when
 * the message may go: at once (PENDING, the delivery worker sends it after the commit) or, for a non-urgent
 * message outside the teacher's 08:00–19:00, at the next 08:00 of the teacher's region (HELD).
 */
public class PlatformChannelAdapter implements ChannelAdapter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final Channel channel;
    private final QuietHours quietHours;
    private final Clock clock;

    public PlatformChannelAdapter(Channel channel, QuietHours quietHours, Clock clock) {
        this.channel = channel;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public Mono<DeliveryResult> deliver(Teacher teacher, OutboundMessage message) {
        Instant now = clock.instant();
        if (message.urgent()) {
            return Mono.just(DeliveryResult.pendingFrom(now));
        }
        String region = teacher.region() != null ? teacher.region() : message.region();
        return Mono.just(quietHours.holdUntil(region, now)
                .map(at -> DeliveryResult.held(at, "несрочное сообщение вне " + quietHours.window()
                        + " по времени региона педагога: отправка " + LOCAL.format(ZonedDateTime.ofInstant(at,
                        QuietHours.zoneOf(region))) + " (местное время)"))
                .orElseGet(() -> DeliveryResult.pendingFrom(now)));
    }
}
