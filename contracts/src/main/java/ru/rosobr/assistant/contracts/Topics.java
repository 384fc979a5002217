package ru.rosobr.assistant.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealReassigned;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.RatingReminderDue;
import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.contracts.events.StaffUserChanged;
import ru.rosobr.assistant.contracts.events.TeacherErased;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.contracts.events.TeacherMessageAdded;

/**
 * The topic registry: every topic of the system, its event type, its single writer, its readers, partitions,
 * retention and key. Services declare (create) the topics they write from here and nowhere else.
 */
public final class Topics {

    public static final String INTAKE = "intake-service";
    public static final String ANSWER = "answer-service";
    public static final String ROUTING = "routing-service";
    public static final String OPERATOR = "operator-service";
    public static final String FOLLOWUP = "followup-service";
    public static final String ANALYTICS = "analytics-service";
    public static final String GATEWAY = "gateway";

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    public static final Topic<AppealReceived> APPEAL_RECEIVED =
            new Topic<>("appeal.received.v1", AppealReceived.class, INTAKE, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ANSWER, ANALYTICS));
    public static final Topic<AnswerMatched> ANSWER_MATCHED =
            new Topic<>("appeal.answer.matched.v1", AnswerMatched.class, ANSWER, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(INTAKE, FOLLOWUP, ANALYTICS));
    public static final Topic<AnswerUnmatched> ANSWER_UNMATCHED =
            new Topic<>("appeal.answer.unmatched.v1", AnswerUnmatched.class, ANSWER, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ROUTING, ANALYTICS));
    public static final Topic<AppealOffTopic> APPEAL_OFFTOPIC =
            new Topic<>("appeal.offtopic.v1", AppealOffTopic.class, ANSWER, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(INTAKE, ANALYTICS));
    public static final Topic<HumanRequested> HUMAN_REQUESTED =
            new Topic<>("appeal.human-requested.v1", HumanRequested.class, INTAKE, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ROUTING, ANALYTICS));
    /** A teacher's follow-up message that joined an appeal already with a specialist. */
    public static final Topic<TeacherMessageAdded> TEACHER_MESSAGE_ADDED =
            new Topic<>("appeal.teacher-message.v1", TeacherMessageAdded.class, INTAKE, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(OPERATOR));
    public static final Topic<AppealAssigned> APPEAL_ASSIGNED =
            new Topic<>("appeal.assigned.v1", AppealAssigned.class, ROUTING, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(OPERATOR, FOLLOWUP, ANALYTICS));
    public static final Topic<OperatorReplied> OPERATOR_REPLIED =
            new Topic<>("appeal.operator-replied.v1", OperatorReplied.class, OPERATOR, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ROUTING, FOLLOWUP, ANALYTICS));
    /** Read by answer-service (judgements against the entry; «верно» on a close candidate adds a phrasing). */
    public static final Topic<AiJudged> AI_JUDGED =
            new Topic<>("appeal.ai-judged.v1", AiJudged.class, OPERATOR, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ANSWER, ANALYTICS));
    public static final Topic<AppealRated> APPEAL_RATED =
            new Topic<>("appeal.rated.v1", AppealRated.class, INTAKE, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(OPERATOR, FOLLOWUP, ANALYTICS));
    public static final Topic<RatingReminderDue> RATING_REMINDER_DUE =
            new Topic<>("appeal.rating-reminder-due.v1", RatingReminderDue.class, FOLLOWUP, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ANALYTICS));
    public static final Topic<AppealOverdue> APPEAL_OVERDUE =
            new Topic<>("appeal.overdue.v1", AppealOverdue.class, FOLLOWUP, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(OPERATOR, ANALYTICS));
    /** The deadline of a human-handled appeal and each step against it; followup-service owns the rule. */
    public static final Topic<AppealSla> APPEAL_SLA =
            new Topic<>("appeal.sla.v1", AppealSla.class, FOLLOWUP, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(INTAKE, OPERATOR));
    public static final Topic<AppealEscalated> APPEAL_ESCALATED =
            new Topic<>("appeal.escalated.v1", AppealEscalated.class, OPERATOR, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ROUTING, ANALYTICS));
    /** A manual reassignment made in the console; routing confirms it with {@code appeal.assigned}. */
    public static final Topic<AppealReassigned> APPEAL_REASSIGNED =
            new Topic<>("appeal.reassigned.v1", AppealReassigned.class, OPERATOR, 6, MONTH, Topic.Key.APPEAL_ID,
                    readers(ROUTING));
    public static final Topic<KbEntryPublished> KB_ENTRY_PUBLISHED =
            new Topic<>("kb.entry.published.v1", KbEntryPublished.class, OPERATOR, 1, Duration.ofDays(365), Topic.Key.ENTRY_ID,
                    readers(ANSWER, ANALYTICS));
    public static final Topic<OutboundMessage> OUTBOUND_MESSAGES =
            new Topic<>("outbound.messages.v1", OutboundMessage.class, FOLLOWUP, 12, WEEK, Topic.Key.TEACHER_ID,
                    readers(INTAKE));
    /**
     * Delivery outcomes and reported reads; analytics counts the campaign ones per region and day. Kept a year, not a
     * week: analytics rebuilds its campaign figures from offset 0, so the topic holds the campaigns a rebuild keeps
     * (about 1.1 GB per replica for a campaign of 1.5 million messages; analytics-service/README.md).
     */
    public static final Topic<OutboundDelivery> OUTBOUND_DELIVERY =
            new Topic<>("outbound.delivery.v1", OutboundDelivery.class, INTAKE, 6, Duration.ofDays(365),
                    Topic.Key.TEACHER_ID,
                    readers(FOLLOWUP, ANALYTICS));

    /**
     * Tokens to refuse before they expire (logout, user disabled or changed). Kept a day: far longer than an access
     * token lives, so a gateway that starts and reads the topic from the beginning knows every entry still in force.
     */
    public static final Topic<AccessRevoked> ACCESS_REVOKED =
            new Topic<>("auth.revocations.v1", AccessRevoked.class, OPERATOR, 1, Duration.ofDays(1), Topic.Key.USERNAME,
                    readers(GATEWAY));
    /** Console users as they change (routing keeps its operator roster from it). */
    public static final Topic<StaffUserChanged> STAFF_USER_CHANGED =
            new Topic<>("staff.users.v1", StaffUserChanged.class, OPERATOR, 1, Duration.ofDays(365), Topic.Key.USERNAME,
                    readers(ROUTING));
    /** A teacher's personal data erased on request: every copy of it goes too. */
    public static final Topic<TeacherErased> TEACHER_ERASED =
            new Topic<>("teacher.erased.v1", TeacherErased.class, INTAKE, 1, Duration.ofDays(30), Topic.Key.TEACHER_ID,
                    readers(ROUTING, OPERATOR));
    /** The teacher registry as campaigns see it (region, organisation type, channel), keyed by teacher. */
    public static final Topic<TeacherChanged> TEACHER_CHANGED =
            new Topic<>("teacher.changed.v1", TeacherChanged.class, INTAKE, 6, Duration.ofDays(365), Topic.Key.TEACHER_ID,
                    readers(FOLLOWUP, ANALYTICS));

    /*
     * Staff actions taken outside operator-service, for its audit log («Журнал действий»): one topic per writing
     * service (one writer per topic), all read by operator-service only. Kept a month: the log itself keeps them a
     * year or more; the topic only has to outlast an operator-service outage.
     */
    /** Registry imports and teachers disabled or enabled. */
    public static final Topic<StaffActionAudited> AUDIT_INTAKE =
            new Topic<>("audit.intake.v1", StaffActionAudited.class, INTAKE, 1, MONTH, Topic.Key.USERNAME,
                    readers(OPERATOR));
    /** Shift starts and ends, roster placements. */
    public static final Topic<StaffActionAudited> AUDIT_ROUTING =
            new Topic<>("audit.routing.v1", StaffActionAudited.class, ROUTING, 1, MONTH, Topic.Key.USERNAME,
                    readers(OPERATOR));
    /** Edits in the knowledge-base editor. */
    public static final Topic<StaffActionAudited> AUDIT_ANSWER =
            new Topic<>("audit.answer.v1", StaffActionAudited.class, ANSWER, 1, MONTH, Topic.Key.USERNAME,
                    readers(OPERATOR));
    /** Campaign actions. */
    public static final Topic<StaffActionAudited> AUDIT_FOLLOWUP =
            new Topic<>("audit.followup.v1", StaffActionAudited.class, FOLLOWUP, 1, MONTH, Topic.Key.USERNAME,
                    readers(OPERATOR));

    /** In the order declared above, roughly an appeal's way through the system (the README's table follows it). */
    public static final List<Topic<?>> ALL = List.of(
            APPEAL_RECEIVED, ANSWER_MATCHED, ANSWER_UNMATCHED, APPEAL_OFFTOPIC, HUMAN_REQUESTED,
            TEACHER_MESSAGE_ADDED, APPEAL_ASSIGNED, OPERATOR_REPLIED, AI_JUDGED, APPEAL_RATED, RATING_REMINDER_DUE,
            APPEAL_OVERDUE, APPEAL_SLA, APPEAL_ESCALATED, APPEAL_REASSIGNED, KB_ENTRY_PUBLISHED, OUTBOUND_MESSAGES,
            OUTBOUND_DELIVERY, ACCESS_REVOKED, STAFF_USER_CHANGED, TEACHER_ERASED, TEACHER_CHANGED, AUDIT_INTAKE,
            AUDIT_ROUTING, AUDIT_ANSWER, AUDIT_FOLLOWUP);

    private Topics() {
    }

    private static Set<String> readers(String... services) {
        return Set.of(services);
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topics that carry the given event type, whoever writes them. */
    public static List<Topic<?>> carrying(Class<? extends Event> eventType) {
        return ALL.stream().filter(t -> t.eventType().equals(eventType)).toList();
    }

    /** Topics read by the given service. */
    public static List<Topic<?>> readBy(String service) {
        return ALL.stream().filter(t -> t.readers().contains(service)).toList();
    }

    /** Topics written by the given service. */
    public static List<Topic<?>> writtenBy(String service) {
        return ALL.stream().filter(t -> t.writer().equals(service)).toList();
    }
}
