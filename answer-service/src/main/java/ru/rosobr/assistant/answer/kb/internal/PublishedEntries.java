package ru.rosobr.assistant.answer.kb.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbVersion;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;

/**
 * Stores an entry published elsewhere (kb.entry.published) as a verified version of the base; the change
 * notification then puts it into every replica's index (see {@link KbSync}).
 */
public class PublishedEntries {

    private static final Logger log = LoggerFactory.getLogger(PublishedEntries.class);

    private final KnowledgeBase kb;

    public PublishedEntries(KnowledgeBase kb) {
        this.kb = kb;
    }

    public Mono<Void> onPublished(KbEntryPublished e) {
        KbEntry entry = new KbEntry(e.entryId(), e.topic(), e.question(), e.phrasings(), e.answer(), e.legalBasis(),
                KbEntry.normalise(Set.of(e.audience())), KbEntry.Status.VERIFIED, e.version());
        return kb.save(entry, e.verifiedBy(), KbVersion.Change.PUBLISHED)
                .doOnNext(saved -> log.info("kb entry {} v{} published by {}", saved.id(), saved.version(),
                        e.verifiedBy()))
                .then();
    }
}
