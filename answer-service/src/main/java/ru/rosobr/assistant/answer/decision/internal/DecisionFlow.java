package ru.rosobr.assistant.answer.decision.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbVersion;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Decides each received appeal, stores the decision and emits it; applies published KB entries live. */
public class DecisionFlow {

    private static final Logger log = LoggerFactory.getLogger(DecisionFlow.class);

    private final Matcher matcher;
    private final KnowledgeBase kb;
    private final DatabaseClient db;
    private final Outbox outbox;

    public DecisionFlow(Matcher matcher, KnowledgeBase kb, DatabaseClient db, Outbox outbox) {
        this.matcher = matcher;
        this.kb = kb;
        this.db = db;
        this.outbox = outbox;
    }

    public Mono<Void> onReceived(AppealReceived e) {
        MatchResult r = matcher.match(e.text(), e.orgType());
        log.debug("appeal {}: {} score={} entry={}", e.appealId(), r.decision(), String.format("%.3f", r.score()),
                r.best() == null ? null : r.best().id());
        return kb.version().flatMap(kbVersion -> store(e, r, kbVersion)).then(switch (r.decision()) {
            case MATCHED -> outbox.append(AnswerMatched.of(e.appealId(), e.region(), e.teacherId(), r.best().topic(),
                    r.best().id(), r.best().version(), r.score(), r.best().answer(), r.best().legalBasis()));
            case UNMATCHED -> outbox.append(AnswerUnmatched.of(e.appealId(), e.region(), e.teacherId(),
                    e.teacherFio(), e.orgType(), e.text(), e.occurredAt(),
                    r.best() == null ? null : r.best().topic(), r.best() == null ? null : r.best().id(),
                    r.best() == null ? null : r.best().answer(), r.score()));
            case OFF_TOPIC -> outbox.append(AppealOffTopic.of(e.appealId(), e.region(), e.teacherId(), r.score()));
        });
    }

    private Mono<Void> store(AppealReceived e, MatchResult r, long kbVersion) {
        KbEntry best = r.best();
        KbEntry runnerUp = r.runnerUp();
        var spec = db.sql("""
                        insert into match_decisions (appeal_id, decision, topic, entry_id, entry_version, score,
                                                     runner_up_entry, runner_up_score, kb_version, org_type,
                                                     question)
                        values (:appeal, :decision, :topic, :entry, :entryVersion, :score, :runnerUp,
                                :runnerUpScore, :kbVersion, :orgType, :question)""")
                .bind("appeal", e.appealId())
                .bind("decision", r.decision().name())
                .bind("score", r.score())
                .bind("kbVersion", kbVersion)
                .bind("question", e.text());
        spec = e.orgType() == null ? spec.bindNull("orgType", String.class) : spec.bind("orgType", e.orgType().name());
        spec = best == null ? spec.bindNull("topic", String.class).bindNull("entry", String.class)
                .bindNull("entryVersion", Integer.class)
                : spec.bind("topic", best.topic()).bind("entry", best.id()).bind("entryVersion", best.version());
        spec = runnerUp == null ? spec.bindNull("runnerUp", String.class).bindNull("runnerUpScore", Double.class)
                : spec.bind("runnerUp", runnerUp.id()).bind("runnerUpScore", r.runnerUpScore());
        return spec.then();
    }

    public Mono<Void> onKbPublished(KbEntryPublished e) {
        KbEntry entry = new KbEntry(e.entryId(), e.topic(), e.question(), e.phrasings(), e.answer(), e.legalBasis(),
                KbEntry.normalise(java.util.Set.of(e.audience())), KbEntry.Status.VERIFIED, e.version());
        return kb.save(entry, e.verifiedBy(), KbVersion.Change.PUBLISHED)
                .doOnNext(saved -> log.info("kb entry {} v{} published by {}", saved.id(), saved.version(),
                        e.verifiedBy()))
                .then();
    }
}
