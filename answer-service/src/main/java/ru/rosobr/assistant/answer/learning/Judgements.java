package ru.rosobr.assistant.answer.learning;

import reactor.core.publisher.Flux;

import ru.rosobr.assistant.answer.learning.internal.JudgementRepository;

/** Read side of operators' judgements, for the KB editors. */
public class Judgements {

    private final JudgementRepository repository;

    public Judgements(JudgementRepository repository) {
        this.repository = repository;
    }

    /** Judgements, newest first: of one entry, and/or with one verdict (both optional). */
    public Flux<Judgement> list(String entryId, String verdict, int limit) {
        return repository.list(entryId, verdict, limit);
    }

    /** Counts per judged entry. */
    public Flux<JudgementSummary> summary() {
        return repository.summary();
    }
}
