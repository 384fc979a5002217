package ru.rosobr.assistant.operator.kb;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.Viewer;

/** Knowledge-base drafts: proposed from an appeal, verified or rejected by a KB editor or federal specialist. */
@RestController
@RequestMapping("/api/console")
public class KbDraftController {

    public record RejectRequest(String reason) {
    }

    private final KbDrafts drafts;

    public KbDraftController(KbDrafts drafts) {
        this.drafts = drafts;
    }

    @PostMapping("/appeals/{id}/kb-drafts")
    public Mono<ResponseEntity<KbDraft>> create(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                @RequestBody(required = false) KbDraftFields fields) {
        return drafts.create(Viewer.of(jwt), id, fields)
                .map(d -> ResponseEntity.created(URI.create("/api/console/kb-drafts/" + d.id())).body(d));
    }

    @GetMapping("/kb-drafts")
    public Flux<KbDraft> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status) {
        return drafts.list(Viewer.of(jwt), status);
    }

    @GetMapping("/kb-drafts/{id}")
    public Mono<KbDraft> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return drafts.get(Viewer.of(jwt), id);
    }

    @PostMapping("/kb-drafts/{id}/verify")
    public Mono<KbDraft> verify(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                @RequestBody(required = false) KbDraftFields edits) {
        return drafts.verify(Viewer.of(jwt), id, edits);
    }

    @PostMapping("/kb-drafts/{id}/reject")
    public Mono<KbDraft> reject(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                @RequestBody RejectRequest request) {
        return drafts.reject(Viewer.of(jwt), id, request.reason());
    }
}
