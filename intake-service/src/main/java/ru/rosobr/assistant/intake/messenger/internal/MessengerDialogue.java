package ru.rosobr.assistant.intake.messenger.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.delivery.Deliveries;
import ru.rosobr.assistant.intake.dialogue.Dialogue;
import ru.rosobr.assistant.intake.dialogue.Rejected;
import ru.rosobr.assistant.intake.dialogue.StatusReport;
import ru.rosobr.assistant.intake.messenger.IncomingUpdate;
import ru.rosobr.assistant.intake.messenger.MessengerTexts;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The messenger dialogue, the same for MAX and VK: greeting, the verified-teacher gate, the region choice, and
 * handing questions and button presses to {@link Dialogue}. Runs inside the inbox worker's transaction: the
 * teacher's message, the appeal, its events and the bot's replies (queued for the delivery worker) commit
 * together, and the stored update is marked processed with them.
 */
public class MessengerDialogue {

    private static final Logger log = LoggerFactory.getLogger(MessengerDialogue.class);

    private final Teachers teachers;
    private final Dialogue dialogue;
    private final Conversations conversations;
    private final Deliveries deliveries;
    private final Clock clock;
    private final String greeting;

    public MessengerDialogue(Teachers teachers, Dialogue dialogue, Conversations conversations,
                             Deliveries deliveries, Clock clock, String privacyPolicyUrl) {
        this.greeting = MessengerTexts.greeting(privacyPolicyUrl);
        this.teachers = teachers;
        this.dialogue = dialogue;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Mono<Void> handle(Channel channel, IncomingUpdate update) {
        return handle(channel, update, null);
    }

    /**
     * @param contacted the sender as this transaction's {@link Teachers#contactAll} left it, or null: the update
     *                  then records the contact itself
     */
    public Mono<Void> handle(Channel channel, IncomingUpdate update, Teacher contacted) {
        if (update instanceof IncomingUpdate.Read read) {
            // no contact upsert and no reply: a read only marks the campaign messages it covers
            return deliveries.read(channel, read.platformUserId(), read.upTo(), clock.instant())
                    .doOnNext(n -> log.debug("{} user {} read up to {}: {} campaign message(s) marked read", channel,
                            read.platformUserId(), read.upTo(), n))
                    .then();
        }
        Mono<Teacher> contact = contacted != null ? Mono.just(contacted)
                : teachers.contact(channel, update.platformUserId(), update.displayName(), update.dialogId());
        return contact
                .flatMap(teacher -> switch (update) {
                    case IncomingUpdate.Started s -> started(teacher);
                    case IncomingUpdate.Text t -> greetOnce(teacher).then(text(teacher, t));
                    case IncomingUpdate.Pressed p -> pressed(teacher, p);
                    case IncomingUpdate.Read r -> Mono.<Void>empty();
                });
    }

    // ---- bot started ----

    private Mono<Void> started(Teacher teacher) {
        log.debug("{} user {} started the bot (teacher {}, verified: {})", teacher.channel(), teacher.platformUserId(),
                teacher.id(), teacher.verified());
        return teachers.markGreeted(teacher.id())
                .then(say(teacher, null, "GREETING", greeting, List.of()))
                .then(teacher.admitted() ? Mono.empty()
                        : say(teacher, null, "REFUSAL", refusal(teacher), List.of()));
    }

    /** Why the bot takes no question: disabled by an administrator, or not in the registry. */
    private static String refusal(Teacher teacher) {
        return teacher.disabled() ? MessengerTexts.DISABLED : MessengerTexts.NOT_VERIFIED;
    }

    /** The first message of someone the bot never greeted gets the greeting first. */
    private Mono<Void> greetOnce(Teacher teacher) {
        if (teacher.greeted()) {
            // read (and locked) by this transaction's contact upsert: no statement needed to know it
            return Mono.empty();
        }
        return teachers.markGreeted(teacher.id()).flatMap(first -> first
                ? say(teacher, null, "GREETING", greeting, List.of())
                : Mono.empty());
    }

    // ---- a message ----

    private Mono<Void> text(Teacher teacher, IncomingUpdate.Text message) {
        String text = message.text() == null ? "" : message.text().strip();
        if (text.isEmpty()) {
            return say(teacher, null, "ACK", MessengerTexts.NOT_TEXT, List.of());
        }
        if (!teacher.admitted()) {
            // the platform user id is personal data: never in the log at INFO
            log.info("{}: a question from a user who is {} refused", teacher.channel(),
                    teacher.disabled() ? "disabled" : "not a verified teacher");
            return conversations.recordIncoming(teacher.id(), null, text, message.externalId())
                    .then(say(teacher, null, "REFUSAL", refusal(teacher), List.of()));
        }
        if (teacher.region() == null) {
            // the question waits for the region: it is stored (and the appeal opened) once the teacher chose it
            String pending = teacher.pendingQuestion() == null ? text : teacher.pendingQuestion() + "\n\n" + text;
            String externalId = teacher.pendingQuestion() == null ? message.externalId()
                    : teacher.pendingExternalId();
            RegionPicker.Prompt prompt = RegionPicker.districts();
            return teachers.setPendingQuestion(teacher.id(), pending, externalId)
                    .then(say(teacher, null, "REGION_PROMPT", prompt.text(), prompt.buttons()));
        }
        if (StatusReport.isRequest(text)) {
            // «статус» / «где мой ответ» asks about the appeals; it is not a question of its own
            return conversations.recordIncoming(teacher.id(), null, text, message.externalId())
                    .then(dialogue.status(teacher))
                    .flatMap(status -> say(teacher, null, "STATUS", status, List.of()));
        }
        return dialogue.ask(teacher, text, message.externalId())
                .flatMap(question -> question.newAppeal() ? Mono.empty()
                        : say(teacher, question.appealId(), "ACK", MessengerTexts.FOLLOW_UP_ADDED, List.of()))
                .onErrorResume(Rejected.class, e -> say(teacher, null, "REFUSAL", e.getMessage(), List.of()));
    }

    // ---- a button ----

    private Mono<Void> pressed(Teacher teacher, IncomingUpdate.Pressed press) {
        String payload = press.payload();
        if (!teacher.admitted()) {
            return answer(teacher, press, null, teacher.disabled() ? MessengerTexts.DISABLED_SHORT
                            : MessengerTexts.NOT_VERIFIED_SHORT)
                    .then(say(teacher, null, "REFUSAL", refusal(teacher), List.of()));
        }
        if (RegionPicker.isRegionPayload(payload)) {
            return region(teacher, press);
        }
        if (payload != null && payload.startsWith("status:")) {
            // a platform notification is short: the status itself comes as a message
            return dialogue.press(teacher, payload)
                    .flatMap(reply -> answer(teacher, press, reply.appealId(), StatusReport.BUTTON_TEXT)
                            .then(say(teacher, reply.appealId(), "STATUS", reply.text(), List.of())))
                    .onErrorResume(Rejected.class, e -> answer(teacher, press, null, e.getMessage()));
        }
        return dialogue.press(teacher, payload)
                .flatMap(reply -> conversations.recordOutgoing(teacher.id(), reply.appealId(), reply.text(),
                                List.of(), null)
                        .then(answer(teacher, press, reply.appealId(), reply.text())))
                .onErrorResume(Rejected.class, e -> {
                    log.debug("{} user {} pressed «{}»: {}", teacher.channel(), teacher.platformUserId(), payload,
                            e.getMessage());
                    return answer(teacher, press, null, e.getMessage());
                });
    }

    private Mono<Void> region(Teacher teacher, IncomingUpdate.Pressed press) {
        var choice = RegionPicker.parse(press.payload());
        if (choice.isEmpty()) {
            return answer(teacher, press, null, MessengerTexts.UNKNOWN_BUTTON);
        }
        return switch (choice.get()) {
            case RegionPicker.Choice.Districts d -> {
                RegionPicker.Prompt prompt = RegionPicker.districts();
                yield answer(teacher, press, null, MessengerTexts.CHOOSE_DISTRICT_SHORT)
                        .then(say(teacher, null, "REGION_PROMPT", prompt.text(), prompt.buttons()));
            }
            case RegionPicker.Choice.District d -> {
                RegionPicker.Prompt prompt = RegionPicker.district(d.district(), d.page());
                yield answer(teacher, press, null, RegionPicker.DISTRICTS.get(d.district()) + " федеральный округ")
                        .then(say(teacher, null, "REGION_PROMPT", prompt.text(), prompt.buttons()));
            }
            case RegionPicker.Choice.Region r -> regionChosen(teacher, press, r.code());
        };
    }

    private Mono<Void> regionChosen(Teacher teacher, IncomingUpdate.Pressed press, String code) {
        String name = Regions.get(code).name();
        log.debug("{} teacher {} chose region {}", teacher.channel(), teacher.id(), code);
        return teachers.setRegion(teacher.id(), code).flatMap(updated -> {
            Mono<Void> saved = answer(updated, press, null, "Регион сохранён: " + name);
            if (updated.pendingQuestion() == null || !updated.mayAsk()) {
                return saved.then(say(updated, null, "ACK", MessengerTexts.regionSaved(name, false), List.of()));
            }
            return teachers.setPendingQuestion(updated.id(), null, null)
                    .then(dialogue.ask(updated, updated.pendingQuestion(), updated.pendingExternalId()))
                    .flatMap(question -> saved.then(say(updated, question.appealId(), "ACK",
                            MessengerTexts.regionSaved(name, true), List.of())));
        });
    }

    // ---- replies ----

    /** A message from the bot: shown in the conversation log and queued for the platform. */
    private Mono<Void> say(Teacher teacher, UUID appealId, String kind, String text, List<Button> buttons) {
        return conversations.recordOutgoing(teacher.id(), appealId, text, buttons, null)
                .then(deliveries.enqueueReply(teacher.id(), appealId, teacher.channel(), kind, text, buttons, null,
                        clock.instant()));
    }

    /** The answer to a button press: a short notification on the platform. */
    private Mono<Void> answer(Teacher teacher, IncomingUpdate.Pressed press, UUID appealId, String text) {
        return deliveries.enqueueReply(teacher.id(), appealId, teacher.channel(), "CALLBACK_ANSWER", text, List.of(),
                press.callbackId(), clock.instant());
    }
}
