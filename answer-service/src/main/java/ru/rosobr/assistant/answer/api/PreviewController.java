package ru.rosobr.assistant.answer.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.MatchedTerm;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.contracts.OrgType;

/** {@code POST /api/answers/preview}: what the service would decide, without side effects. */
@RestController
@RequestMapping("/api/answers")
public class PreviewController {

    /** Request body; orgType is optional. */
    public record PreviewRequest(String text, @Schema(requiredMode = RequiredMode.NOT_REQUIRED) OrgType orgType) {
    }

    /**
     * Response body: the contract fields {@code decision, topic, entryId, score}, and why the entry matched — the
     * question's words it explains ({@code matchedTerms}: the word, the lemma or synonym it met, whether it met a
     * synonym, whether only in the answer text). For UNMATCHED the closest entry is named in {@code candidateId}
     * with its terms, so an editor sees what was near; OFF_TOPIC has neither. {@code answer} and
     * {@code entryVersion}: the text a teacher would get now and its version (MATCHED only).
     */
    public record PreviewResponse(Decision decision, @Nullable String topic, @Nullable String entryId, double score,
                                  @Nullable String candidateId, List<MatchedTerm> matchedTerms,
                                  @Nullable String answer, @Nullable Integer entryVersion) {
    }

    private final Matcher matcher;

    /** What a teacher can send in one messenger message. */
    static final int MAX_TEXT = 4000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PreviewController.class);

    public PreviewController(Matcher matcher) {
        this.matcher = matcher;
    }

    @PostMapping("/preview")
    public PreviewResponse preview(@RequestBody PreviewRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "поле text обязательно и не может быть пустым");
        }
        if (request.text().length() > MAX_TEXT) {
            // a public route: a megabyte of text would keep the matcher busy for everyone
            log.warn("preview refused: text of {} characters", request.text().length());
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "поле text длиннее " + MAX_TEXT + " символов (предел сообщения в мессенджерах)");
        }
        MatchResult r = matcher.match(request.text(), request.orgType());
        boolean showEntry = r.decision() == Decision.MATCHED;
        return new PreviewResponse(r.decision(), showEntry ? r.best().topic() : null,
                showEntry ? r.best().id() : null, r.score(), r.best() == null ? null : r.best().id(), r.terms(),
                showEntry ? r.best().answer() : null, showEntry ? r.best().version() : null);
    }
}
