package ru.rosobr.assistant.answer.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbException;
import ru.rosobr.assistant.answer.kb.KbRecord;
import ru.rosobr.assistant.answer.kb.KbVersion;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * KB administration, {@code /api/kb/entries} (roles KB_EDITOR, FEDERAL, ADMIN): list and search, create (as a
 * DRAFT), edit (a new DRAFT version), verify, retire, restore, version history. Changes reach the matcher at once.
 */
@RestController
@RequestMapping("/api/kb/entries")
public class KbAdminController {

    private static final Logger log = LoggerFactory.getLogger(KbAdminController.class);

    /** An entry as the editor sees it. */
    public record EntryView(String id, String topic, String question, List<String> phrasings, String answer,
                            @Nullable String legalBasis, Set<Audience> audience, KbEntry.Status status, int version,
                            @Nullable String createdBy, @Nullable String verifiedBy, @Nullable Instant verifiedAt,
                            @Nullable String updatedBy, Instant updatedAt) {

        static EntryView of(KbRecord r) {
            KbEntry e = r.entry();
            return new EntryView(e.id(), e.topic(), e.question(), e.phrasings(), e.answer(), e.legalBasis(),
                    e.audience(), e.status(), e.version(), r.createdBy(), r.verifiedBy(), r.verifiedAt(),
                    r.updatedBy(), r.updatedAt());
        }
    }

    /** One version in the history. */
    public record VersionView(int version, KbEntry.Status status, KbVersion.Change change, @Nullable String changedBy,
                              Instant changedAt, String topic, String question, List<String> phrasings,
                              String answer, @Nullable String legalBasis, Set<Audience> audience) {

        static VersionView of(KbVersion v) {
            KbEntry e = v.content();
            return new VersionView(e.version(), e.status(), v.change(), v.changedBy(),
                    v.changedAt(), e.topic(), e.question(), e.phrasings(), e.answer(), e.legalBasis(),
                    e.audience());
        }
    }

    /**
     * Body of create and edit; {@code version} (edit) is the version the editor started from. Without {@code id}
     * a new entry gets one; without phrasings it has none; without an audience it is for everyone (ALL).
     */
    public record EntryRequest(@Schema(requiredMode = RequiredMode.NOT_REQUIRED) String id, String topic,
                               String question, @Schema(requiredMode = RequiredMode.NOT_REQUIRED) List<String> phrasings,
                               String answer, @Schema(requiredMode = RequiredMode.NOT_REQUIRED) String legalBasis,
                               @Schema(requiredMode = RequiredMode.NOT_REQUIRED) List<Audience> audience,
                               @Schema(requiredMode = RequiredMode.NOT_REQUIRED) Integer version) {

        KbEntry toEntry(String entryId) {
            return new KbEntry(entryId, topic, question, phrasings, answer, legalBasis,
                    KbEntry.normalise(audience), KbEntry.Status.DRAFT, 1);
        }
    }

    /** Body of verify and retire (optional): the version the editor looked at. */
    @Schema(requiredMode = RequiredMode.NOT_REQUIRED)
    public record TransitionRequest(Integer version) {
    }

    private final KnowledgeBase kb;

    public KbAdminController(KnowledgeBase kb) {
        this.kb = kb;
    }

    @GetMapping
    public Flux<EntryView> list(@RequestParam(required = false) String q,
                                @RequestParam(required = false) String status) {
        if (q != null && !q.isBlank()) {
            return kb.search(q).map(EntryView::of);
        }
        return kb.list(status == null || status.isBlank() ? null : parseStatus(status)).map(EntryView::of);
    }

    @GetMapping("/{id}")
    public Mono<EntryView> get(@PathVariable String id) {
        return kb.find(id).map(EntryView::of);
    }

    @GetMapping("/{id}/versions")
    public Flux<VersionView> versions(@PathVariable String id) {
        return kb.versions(id).map(VersionView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<EntryView> create(@RequestBody EntryRequest body, Authentication who) {
        require(body);
        return kb.create(body.toEntry(body.id()), who.getName()).map(EntryView::of);
    }

    @PutMapping("/{id}")
    public Mono<EntryView> edit(@PathVariable String id, @RequestBody EntryRequest body, Authentication who) {
        require(body);
        return kb.edit(id, body.version(), body.toEntry(id), who.getName()).map(EntryView::of);
    }

    @PostMapping("/{id}/verify")
    public Mono<EntryView> verify(@PathVariable String id, @RequestBody(required = false) TransitionRequest body,
                                  Authentication who) {
        boolean admin = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
        return kb.verify(id, body == null ? null : body.version(), who.getName(), admin).map(EntryView::of);
    }

    @PostMapping("/{id}/retire")
    public Mono<EntryView> retire(@PathVariable String id, @RequestBody(required = false) TransitionRequest body,
                                  Authentication who) {
        return kb.retire(id, body == null ? null : body.version(), who.getName()).map(EntryView::of);
    }

    @PostMapping("/{id}/restore")
    public Mono<EntryView> restore(@PathVariable String id, @RequestBody(required = false) TransitionRequest body,
                                   Authentication who) {
        return kb.restore(id, body == null ? null : body.version(), who.getName()).map(EntryView::of);
    }

    private static void require(EntryRequest body) {
        if (body == null) {
            throw new KbException(KbException.Kind.INVALID, "Нужно тело запроса с полями записи");
        }
    }

    private static KbEntry.Status parseStatus(String s) {
        try {
            return KbEntry.Status.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KbException(KbException.Kind.INVALID, "Неизвестный статус «" + s
                    + "»: допустимы DRAFT, VERIFIED, RETIRED");
        }
    }

    @ExceptionHandler(KbException.class)
    ResponseEntity<ProblemDetail> onKbException(KbException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        log.info("kb request refused ({}): {}", status.value(), e.getMessage());
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
    }
}
