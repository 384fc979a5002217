package ru.rosobr.assistant.answer.kb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.internal.KbRepository;

/**
 * The knowledge base: verified entries and their versions. Listeners (the matcher's index) hear about every
 * entry that changes.
 */
public class KnowledgeBase {

    private final KbRepository repository;
    private final List<Consumer<KbEntry>> listeners = new CopyOnWriteArrayList<>();

    public KnowledgeBase(KbRepository repository) {
        this.repository = repository;
    }

    public Flux<KbEntry> all() {
        return repository.findAll();
    }

    /** Adds or updates an entry (new version), records the version history and tells the listeners. */
    public Mono<KbEntry> save(KbEntry entry, String changedBy) {
        return repository.upsert(entry, changedBy).doOnNext(saved -> listeners.forEach(l -> l.accept(saved)));
    }

    /** Monotonic version of the whole base: changes whenever any entry changes. */
    public Mono<Long> version() {
        return repository.baseVersion();
    }

    public void onChange(Consumer<KbEntry> listener) {
        listeners.add(listener);
    }
}
