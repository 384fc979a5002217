package ru.rosobr.assistant.answer.kb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbVersion;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Loads the starter base (kb/starter-kb.json, verified by the project) on first start. Entries already present
 * are left as they are, so later edits and retirements survive restarts — except a starter entry nobody has
 * touched, which takes the file's corrected content as a new SEEDED version.
 */
public class StarterKbSeeder {

    private static final Logger log = LoggerFactory.getLogger(StarterKbSeeder.class);
    public static final String RESOURCE = "kb/starter-kb.json";

    /** An entry as written in the seed file. */
    record SeedEntry(String id, String topic, List<Audience> audience, String question, List<String> phrasings,
                     String answer, String legalBasis) {
    }

    private final KbRepository repository;
    private final KnowledgeBase kb;
    private final TransactionalOperator tx;

    public StarterKbSeeder(KbRepository repository, KnowledgeBase kb, TransactionalOperator tx) {
        this.repository = repository;
        this.kb = kb;
        this.tx = tx;
    }

    /** The starter entries, all VERIFIED at version 1 (also used by the evaluation and benchmark commands). */
    public static List<KbEntry> starterEntries() {
        try (InputStream in = StarterKbSeeder.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<SeedEntry> seed = EventCodec.mapper().readValue(in, new TypeReference<List<SeedEntry>>() {
            });
            return seed.stream().map(s -> new KbEntry(s.id(), s.topic(), s.question(), s.phrasings(), s.answer(),
                    s.legalBasis(), KbEntry.normalise(s.audience()), KbEntry.Status.VERIFIED, 1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Mono<Long> seed() {
        return repository.lockSeeding().thenMany(Flux.fromIterable(starterEntries()))
                .concatMap(entry -> repository.exists(entry.id())
                        .flatMap(exists -> exists ? refreshUntouched(entry)
                                : kb.save(entry, "starter", KbVersion.Change.SEEDED)))
                .count()
                .as(tx::transactional)
                .doOnNext(n -> log.info("starter knowledge base: {} new or corrected entries", n));
    }

    /**
     * A corrected starter entry reaches a base seeded from an older file — but only where no person has changed
     * the entry since (every version SEEDED): an editor's edit or retirement always stays.
     */
    private Mono<KbEntry> refreshUntouched(KbEntry entry) {
        return repository.versions(entry.id()).collectList().flatMap(history -> {
            if (history.isEmpty() || history.stream().anyMatch(v -> v.change() != KbVersion.Change.SEEDED)) {
                return Mono.<KbEntry>empty();
            }
            KbEntry stored = history.get(history.size() - 1).content();
            return sameContent(stored, entry) ? Mono.<KbEntry>empty()
                    : kb.save(entry, "starter", KbVersion.Change.SEEDED);
        });
    }

    static boolean sameContent(KbEntry a, KbEntry b) {
        return a.topic().equals(b.topic()) && a.question().equals(b.question()) && a.phrasings().equals(b.phrasings())
                && a.answer().equals(b.answer()) && java.util.Objects.equals(a.legalBasis(), b.legalBasis())
                && a.audience().equals(b.audience()) && a.status() == b.status();
    }
}
