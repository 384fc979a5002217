package ru.rosobr.assistant.followup.campaigns;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * {@code /api/campaigns}: FEDERAL and ADMIN for any region; a REGIONAL_HEAD only for the own region — a head's
 * campaign targets exactly that region, and a head neither sees nor controls any other campaign.
 */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

    private static final int MAX_TEXT = 4000;
    private static final int MAX_BUTTONS = 6;

    private final Campaigns campaigns;
    private final CampaignSettings settings;

    public CampaignController(Campaigns campaigns, CampaignSettings settings) {
        this.campaigns = campaigns;
        this.settings = settings;
    }

    /** A federal-level user sees every campaign; a head only those aimed at exactly their region. */
    private static boolean maySee(Viewer viewer, CampaignRow c) {
        List<String> regions = c.audience().regions();
        return viewer.seesAllRegions() || (regions.size() == 1 && viewer.canSee(regions.get(0)));
    }

    public record AudienceRequest(List<String> regions, List<String> orgTypes, List<String> channels,
                                  List<String> teacherIds) {
    }

    public record ButtonRequest(String text) {
    }

    public record CreateRequest(String title, String text, List<ButtonRequest> buttons, AudienceRequest audience,
                                Integer ratePerSecond, Instant startAt) {
    }

    public record Created(UUID id, CampaignStatus status, long total) {
    }

    public record RegionRow(String region, String name, long total, long sent, long delivered, long failed,
                            long read, long remaining, boolean inWindow, long readable, @Nullable Double deliveryRate,
                            @Nullable Double readRate) {
    }

    /** The audience's size, in total and per region. */
    public record Preview(long total, List<RegionCount> byRegion) {
    }

    public record RegionCount(String region, long count) {
    }

    /** Failed deliveries of a campaign with one reason. */
    public record Failure(String reason, long count) {
    }

    @PostMapping("/preview")
    public Mono<Preview> preview(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) AudienceRequest body) {
        Audience audience = audience(Viewer.of(jwt), body);
        return campaigns.audienceByRegion(audience).collectList().map(rows -> {
            List<RegionCount> byRegion = new ArrayList<>();
            long total = 0;
            for (var r : rows) {
                total += r.count();
                byRegion.add(new RegionCount(r.region(), r.count()));
            }
            return new Preview(total, byRegion);
        });
    }

    @PostMapping
    public Mono<ResponseEntity<Created>> create(@AuthenticationPrincipal Jwt jwt,
                                                @RequestBody(required = false) CreateRequest body) {
        Viewer viewer = Viewer.of(jwt);
        if (body == null) {
            throw bad("нужно тело запроса: title, text, audience, ratePerSecond");
        }
        String title = body.title() == null ? "" : body.title().strip();
        String text = body.text() == null ? "" : body.text().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw bad("название (title) — от 1 до 200 символов");
        }
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw bad("текст (text) — от 1 до " + MAX_TEXT + " символов");
        }
        int rate = body.ratePerSecond() == null ? settings.maxRatePerSecond() : body.ratePerSecond();
        if (rate < 1 || rate > settings.maxRatePerSecond()) {
            throw bad("скорость (ratePerSecond) — от 1 до " + settings.maxRatePerSecond()
                    + " сообщений в секунду: больше не позволяют лимиты MAX и VK с учётом ответов педагогам");
        }
        List<ButtonRequest> requested = body.buttons() == null ? List.of() : body.buttons();
        if (requested.size() > MAX_BUTTONS) {
            throw bad("не больше " + MAX_BUTTONS + " кнопок");
        }
        Audience audience = audience(viewer, body.audience());
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String b = requested.get(i) == null || requested.get(i).text() == null ? "" : requested.get(i).text().strip();
            if (b.isEmpty() || b.length() > 40) {
                throw bad("текст кнопки — от 1 до 40 символов");
            }
            buttons.add(new Button(b, "campaign"));
        }
        return campaigns.create(title, text, buttons, audience, rate, body.startAt(), viewer.username(),
                        viewer.limitedTo())
                .map(c -> ResponseEntity.created(URI.create("/api/campaigns/" + c.id()))
                        .body(new Created(c.id(), c.status(), c.audienceSize())));
    }

    @GetMapping
    public Flux<CampaignView> list(@AuthenticationPrincipal Jwt jwt) {
        Viewer viewer = Viewer.of(jwt);
        if (viewer.seesNoRegion()) {
            // no region is not "every region": the head's filter would be dropped
            return Flux.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "у пользователя не указан регион"));
        }
        return campaigns.list(viewer.limitedTo(), 100).concatMap(campaigns::view);
    }

    @GetMapping("/{id}")
    public Mono<CampaignView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMap(campaigns::view);
    }

    @GetMapping("/{id}/regions")
    public Flux<RegionRow> regions(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMapMany(c -> campaigns.progress(c.id()))
                .map(r -> new RegionRow(r.region(), Regions.find(r.region()).map(Regions.Region::name).orElse(r.region()),
                        r.total(), r.sent(), r.delivered(), r.failed(), r.read(), r.remaining(),
                        campaigns.inWindow(r.region()), r.readable(), r.deliveryRate(), r.readRate()));
    }

    @GetMapping("/{id}/failures")
    public Flux<Failure> failures(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMapMany(c -> campaigns.failures(c.id()))
                .map(f -> new Failure(f.reason(), f.count()));
    }

    @PostMapping("/{id}/start")
    public Mono<CampaignView> start(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMap(c -> campaigns.start(id, jwt.getSubject())).flatMap(campaigns::view);
    }

    @PostMapping("/{id}/pause")
    public Mono<CampaignView> pause(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMap(c -> campaigns.pause(id, jwt.getSubject())).flatMap(campaigns::view);
    }

    @PostMapping("/{id}/resume")
    public Mono<CampaignView> resume(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMap(c -> campaigns.resume(id, jwt.getSubject())).flatMap(campaigns::view);
    }

    @PostMapping("/{id}/cancel")
    public Mono<CampaignView> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return visible(jwt, id).flatMap(c -> campaigns.cancel(id, jwt.getSubject())).flatMap(campaigns::view);
    }

    @ExceptionHandler(Campaigns.Conflict.class)
    ResponseEntity<org.springframework.http.ProblemDetail> conflict(Campaigns.Conflict e) {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Действие с рассылкой невозможно");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The campaign if the viewer may see it; 404 otherwise (a head does not learn of other regions' campaigns). */
    private Mono<CampaignRow> visible(Jwt jwt, UUID id) {
        Viewer viewer = Viewer.of(jwt);
        return campaigns.find(id)
                .filter(c -> maySee(viewer, c))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "рассылка не найдена")));
    }

    private static Audience audience(Viewer viewer, AudienceRequest a) {
        List<String> regions = a == null || a.regions() == null ? List.of()
                : a.regions().stream().map(String::strip).distinct().toList();
        for (String r : regions) {
            if (!Regions.exists(r)) {
                throw bad("неизвестный код региона: " + r);
            }
        }
        if (!viewer.seesAllRegions()) {
            if (viewer.seesNoRegion()) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "у пользователя не указан регион");
            }
            if (regions.isEmpty()) {
                regions = List.of(viewer.region());
            } else if (!regions.equals(List.of(viewer.region()))) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "руководитель региона отправляет рассылки только педагогам своего региона ("
                                + viewer.region() + ")");
            }
        }
        List<String> orgTypes = normalize(a == null ? null : a.orgTypes(), OrgType.class, "тип организации");
        List<String> channels = normalize(a == null ? null : a.channels(), Channel.class, "канал");
        List<String> teacherIds = a == null || a.teacherIds() == null ? null
                : a.teacherIds().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (teacherIds != null && teacherIds.size() > 200_000) {
            throw bad("список педагогов — не больше 200 000 строк");
        }
        return new Audience(regions, orgTypes, channels, teacherIds);
    }

    private static <E extends Enum<E>> List<String> normalize(List<String> values, Class<E> type, String what) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            try {
                out.add(Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw bad("неизвестный " + what + ": " + v);
            }
        }
        return out.stream().distinct().toList();
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
