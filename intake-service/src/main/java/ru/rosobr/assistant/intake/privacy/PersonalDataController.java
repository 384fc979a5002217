package ru.rosobr.assistant.intake.privacy;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;

/**
 * {@code GET /api/admin/teachers/{channel}/{platformUserId}/personal-data} — the export;
 * {@code DELETE} the same address — the erasure (ADMIN only, as the whole admin API).
 */
@RestController
@RequestMapping("/api/admin/teachers/{channel}/{platformUserId}/personal-data")
public class PersonalDataController {

    private final PersonalData personalData;

    public PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping
    public Mono<Map<String, Object>> export(@PathVariable String channel, @PathVariable String platformUserId) {
        return personalData.export(channel(channel), platformUserId).switchIfEmpty(Mono.error(notFound()));
    }

    @DeleteMapping
    public Mono<Map<String, Object>> erase(@PathVariable String channel, @PathVariable String platformUserId) {
        return personalData.erase(channel(channel), platformUserId)
                .map(n -> Map.<String, Object>of("erased", true, "appealsAnonymised", n))
                .switchIfEmpty(Mono.error(notFound()));
    }

    private static Channel channel(String value) {
        try {
            return Channel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Канал — MAX, VK или WEBCHAT: " + value);
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Педагог не найден");
    }
}
