package ru.rosobr.assistant.answer.decision.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Decides each received appeal, stores the decision and emits it. */
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

    /**
     * Decides a run of questions: each is matched in memory, the run's decisions are stored in one insert, and each
     * decision's event goes to the outbox (written in bulk at the commit).
     */
    public Mono<Void> onReceived(List<AppealReceived> questions) {
        List<MatchResult> results = new ArrayList<>(questions.size());
        for (AppealReceived e : questions) {
            MatchResult r = matcher.match(e.text(), e.orgType());
            log.debug("appeal {}: {} score={} entry={}", e.appealId(), r.decision(), String.format("%.3f", r.score()),
                    r.best() == null ? null : r.best().id());
            results.add(r);
        }
        return kb.version().flatMap(kbVersion -> store(questions, results, kbVersion))
                .then(Flux.range(0, questions.size()).concatMap(i -> emit(questions.get(i), results.get(i)), 0)
                        .then());
    }

    private Mono<Void> emit(AppealReceived e, MatchResult r) {
        return switch (r.decision()) {
            case MATCHED -> outbox.append(AnswerMatched.of(e.appealId(), e.region(), e.teacherId(), r.best().topic(),
                    r.best().id(), r.best().version(), r.score(), r.best().answer(), r.best().legalBasis()));
            case UNMATCHED -> outbox.append(AnswerUnmatched.of(e.appealId(), e.region(), e.teacherId(),
                    e.teacherFio(), e.orgType(), e.text(), e.occurredAt(),
                    r.best() == null ? null : r.best().topic(), r.best() == null ? null : r.best().id(),
                    r.best() == null ? null : r.best().answer(), r.score()));
            case OFF_TOPIC -> outbox.append(AppealOffTopic.of(e.appealId(), e.region(), e.teacherId(), r.score()));
        };
    }

    private Mono<Void> store(List<AppealReceived> questions, List<MatchResult> results, long kbVersion) {
        int n = questions.size();
        String[][] c = new String[13][n];
        for (int i = 0; i < n; i++) {
            AppealReceived e = questions.get(i);
            MatchResult r = results.get(i);
            KbEntry best = r.best();
            KbEntry runnerUp = r.runnerUp();
            c[0][i] = e.appealId().toString();
            c[1][i] = r.decision().name();
            c[2][i] = best == null ? null : best.topic();
            c[3][i] = best == null ? null : best.id();
            c[4][i] = best == null ? null : String.valueOf(best.version());
            c[5][i] = String.valueOf(r.score());
            c[6][i] = runnerUp == null ? null : runnerUp.id();
            c[7][i] = runnerUp == null ? null : String.valueOf(r.runnerUpScore());
            c[8][i] = String.valueOf(kbVersion);
            c[9][i] = e.orgType() == null ? null : e.orgType().name();
            c[10][i] = e.text();
            c[11][i] = e.region();
            c[12][i] = e.occurredAt() == null ? null : e.occurredAt().toString();
        }
        // scores travel as their exact decimal text (Double.toString round-trips), so the stored value is the same
        return db.sql("""
                        insert into match_decisions (appeal_id, decision, topic, entry_id, entry_version, score,
                                                     runner_up_entry, runner_up_score, kb_version, org_type,
                                                     question, region, asked_at)
                        select * from unnest(:c0::uuid[], :c1::text[], :c2::text[], :c3::text[], :c4::int[],
                                             :c5::float8[], :c6::text[], :c7::float8[], :c8::bigint[], :c9::text[],
                                             :c10::text[], :c11::text[], :c12::timestamptz[])""")
                .bind("c0", c[0]).bind("c1", c[1]).bind("c2", c[2]).bind("c3", c[3]).bind("c4", c[4])
                .bind("c5", c[5]).bind("c6", c[6]).bind("c7", c[7]).bind("c8", c[8]).bind("c9", c[9])
                .bind("c10", c[10]).bind("c11", c[11]).bind("c12", c[12])
                .then();
    }
}
