package ru.rosobr.assistant.answer.learning.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.learning.PhrasingLearning;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.contracts.events.AiJudged;

/**
 * Applies an operator's judgement: records it against the entry, and on «верно» for a close routed candidate
 * teaches the entry the appeal's wording (a new verified version; every replica's index gets it from the change
 * notification at commit). Runs in the subscription's transaction, so the judgement, the learned version and the
 * event's dedupe record commit together.
 */
public class JudgementFlow {

    private static final Logger log = LoggerFactory.getLogger(JudgementFlow.class);

    private final JudgementRepository repository;
    private final KnowledgeBase kb;

    public JudgementFlow(JudgementRepository repository, KnowledgeBase kb) {
        this.repository = repository;
        this.kb = kb;
    }

    public Mono<Void> onJudged(AiJudged e) {
        return repository.decision(e.appealId())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    JudgementRepository.StoredDecision d = found.orElse(null);
                    String entryId = e.entryId() != null ? e.entryId() : d == null ? null : d.entryId();
                    Integer entryVersion = d != null && entryId != null && entryId.equals(d.entryId())
                            ? d.entryVersion() : null;
                    Mono<String> learned = d == null ? Mono.empty()
                            : Mono.justOrEmpty(PhrasingLearning.phrasing(e.verdict(), Decision.valueOf(d.decision()),
                                            d.entryId(), d.score(), e.entryId(), d.question()))
                                    .flatMap(p -> kb.learnPhrasing(d.entryId(), p, e.operatorId())
                                            .doOnNext(v -> log.info("kb entry {} v{} learned a phrasing from "
                                                    + "appeal {}", v.id(), v.version(), e.appealId()))
                                            .thenReturn(p));
                    return learned.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(p -> repository.insert(e, entryId, entryVersion, d, p.orElse(null)));
                });
    }
}
