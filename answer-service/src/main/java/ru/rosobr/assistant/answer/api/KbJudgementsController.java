package ru.rosobr.assistant.answer.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

import ru.rosobr.assistant.answer.learning.Judgement;
import ru.rosobr.assistant.answer.learning.JudgementSummary;
import ru.rosobr.assistant.answer.learning.Judgements;

/**
 * Operators' judgements of AI answers against the entries, for KB editors ({@code /api/kb/judgements}, roles
 * KB_EDITOR, FEDERAL, ADMIN): the list (of an entry, of a verdict) and the counts per entry.
 */
@RestController
@RequestMapping("/api/kb/judgements")
public class KbJudgementsController {

    private final Judgements judgements;

    public KbJudgementsController(Judgements judgements) {
        this.judgements = judgements;
    }

    @GetMapping
    public Flux<Judgement> list(@RequestParam(required = false) String entryId,
                                @RequestParam(required = false) String verdict,
                                @RequestParam(defaultValue = "100") int limit) {
        if (verdict != null && !verdict.isBlank() && !java.util.Set.of("CORRECT", "PARTIAL", "WRONG").contains(verdict)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Неизвестная оценка «" + verdict + "»: допустимы CORRECT, PARTIAL, WRONG");
        }
        if (limit < 1 || limit > 500) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "limit — от 1 до 500");
        }
        return judgements.list(entryId == null || entryId.isBlank() ? null : entryId,
                verdict == null || verdict.isBlank() ? null : verdict, limit);
    }

    @GetMapping("/summary")
    public Flux<JudgementSummary> summary() {
        return judgements.summary();
    }
}
