package ru.rosobr.assistant.operator.appeals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;
import ru.rosobr.assistant.operator.appeals.internal.AppealRow;
import ru.rosobr.assistant.operator.appeals.internal.KanbanRow;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * What staff read of appeals in the console: the list, the counters, the kanban, the card and the export. Region
 * isolation is enforced here: regional staff see their own region only, and an appeal of another region is answered
 * exactly like an unknown one (404), so its existence does not leak. Changes are {@link AppealActions}.
 */
public class AppealQueries {

    private static final Logger log = LoggerFactory.getLogger(AppealQueries.class);

    /** Cards per kanban column page at most. */
    public static final int MAX_KANBAN_PAGE = 100;

    private final AppealRepository appeals;
    private final AuditTrail audit;

    public AppealQueries(AppealRepository appeals, AuditTrail audit) {
        this.appeals = appeals;
        this.audit = audit;
    }

    public Mono<AppealPage> list(Viewer viewer, AppealFilter filter) {
        if (viewer.seesNoRegion()) {
            return Mono.just(new AppealPage(List.of(), 0)); // regional role without a region
        }
        String own = viewer.limitedTo();
        return appeals.page(viewer.username(), own, filter).map(AppealQueries::summary).collectList()
                .zipWith(appeals.count(own, filter))
                .map(t -> new AppealPage(t.getT1(), t.getT2()));
    }

    /** Every matching appeal (up to the export limit) for the CSV file; the export itself is an audited action. */
    public Flux<AppealSummary> export(Viewer viewer, AppealFilter filter) {
        if (viewer.seesNoRegion()) {
            return Flux.empty();
        }
        AppealFilter all = filter.forExport();
        return audit.record(viewer.username(), "EXPORT", null, viewer.limitedTo(), all.toString())
                .thenMany(appeals.page(viewer.username(), viewer.limitedTo(), all).map(AppealQueries::summary));
    }

    /** Appeals per kanban column, overdue and unread, under the filters (the list's, without sort and pages). */
    public Mono<AppealCounters> counters(Viewer viewer, AppealFilter filter) {
        if (viewer.seesNoRegion()) {
            return Mono.just(new AppealCounters(0, 0, 0, 0, 0, 0, 0));
        }
        return appeals.counters(viewer.username(), viewer.limitedTo(), filter);
    }

    /**
     * The kanban: every column (or the filter's columns) with its total — the counters' figure for the same filters
     * (both count {@code kanban_column}) — and its first {@code perColumn} cards, nearest deadline first.
     */
    public Mono<KanbanBoard> kanban(Viewer viewer, AppealFilter filter, int perColumn) {
        if (perColumn < 1 || perColumn > MAX_KANBAN_PAGE) {
            return Mono.error(pageSizeProblem("perColumn"));
        }
        List<KanbanColumn> columns = filter.columns().isEmpty() ? List.of(KanbanColumn.values())
                : Arrays.stream(KanbanColumn.values()).filter(filter.columns()::contains).toList();
        if (viewer.seesNoRegion()) {
            return Mono.just(new KanbanBoard(columns.stream()
                    .map(c -> new KanbanPage(c, c.title(), 0, List.of(), null)).toList()));
        }
        String own = viewer.limitedTo();
        return appeals.kanbanFirstPages(viewer.username(), own, filter.withoutColumns(), columns, perColumn + 1)
                .map(found -> {
                    Map<KanbanColumn, List<AppealSummary>> cards = new EnumMap<>(KanbanColumn.class);
                    for (KanbanRow row : found.rows()) {
                        cards.computeIfAbsent(row.column(), c -> new ArrayList<>()).add(summary(row.row()));
                    }
                    return new KanbanBoard(columns.stream()
                            .map(c -> page(c, found.totals().getOrDefault(c, 0L), sortedByDeadline(cards.get(c)),
                                    perColumn))
                            .toList());
                });
    }

    /** «Показать ещё»: the column's next {@code limit} cards after the cursor, and its total now. */
    public Mono<KanbanPage> kanbanColumn(Viewer viewer, AppealFilter filter, KanbanColumn column, KanbanCursor after,
                                         int limit) {
        if (limit < 1 || limit > MAX_KANBAN_PAGE) {
            return Mono.error(pageSizeProblem("limit"));
        }
        if (viewer.seesNoRegion()) {
            return Mono.just(new KanbanPage(column, column.title(), 0, List.of(), null));
        }
        String own = viewer.limitedTo();
        AppealFilter inColumn = filter.inColumn(column);
        return appeals.kanbanPage(viewer.username(), own, inColumn, column, after, limit + 1)
                .map(AppealQueries::summary).collectList()
                .zipWith(appeals.count(own, inColumn))
                .map(t -> page(column, t.getT2(), t.getT1(), limit));
    }

    /** Up to {@code limit} cards; one more fetched than shown tells whether there is a next page. */
    private static KanbanPage page(KanbanColumn column, long total, List<AppealSummary> fetched, int limit) {
        boolean more = fetched.size() > limit;
        List<AppealSummary> items = more ? fetched.subList(0, limit) : fetched;
        return new KanbanPage(column, column.title(), total, items,
                more ? KanbanCursor.after(items.get(items.size() - 1)).encode() : null);
    }

    private static List<AppealSummary> sortedByDeadline(List<AppealSummary> cards) {
        if (cards == null) {
            return List.of();
        }
        cards.sort(Comparator.comparing(AppealSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AppealSummary::id));
        return cards;
    }

    private static RuntimeException pageSizeProblem(String name) {
        return Problems.badRequest("Параметр " + name + " — от 1 до " + MAX_KANBAN_PAGE);
    }

    /** The card; opening it marks the appeal read for the viewer. */
    public Mono<AppealCard> card(Viewer viewer, String id) {
        return peek(viewer, id).flatMap(card -> appeals.markRead(card.id(), viewer.username(), card.version())
                .thenReturn(card));
    }

    /** The card without marking it read (for features that only need its content). */
    public Mono<AppealCard> peek(Viewer viewer, String id) {
        UUID appealId = parseId(id);
        if (appealId == null) {
            return Mono.error(Problems.notFound());
        }
        return visible(viewer, appeals.find(appealId), id)
                .flatMap(row -> appeals.timeline(appealId).collectList()
                        .zipWith(appeals.latestJudgement(appealId, row.version())
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                        .map(t -> {
                            var region = Regions.find(row.region());
                            String zone = region.map(r -> r.zone().getId()).orElse(null);
                            return new AppealCard(row.id(), row.status(), row.region(),
                                    region.map(Regions.Region::name).orElse(null), zone, zone, row.teacherId(),
                                    row.teacherFio(), row.orgType(), row.text(), row.receivedAt(), row.createdAt(),
                                    row.deadline(), row.target(), row.assignedOperator(), row.assignmentReason(),
                                    row.assignedAt(), row.aiTopic(), row.aiAnswer(), row.aiScore(), row.overdue(),
                                    row.overdueDeadline(), row.federal(), row.controlledBy(), t.getT2().orElse(null),
                                    row.rating(), row.version(), t.getT1(), row.deadlineDay(),
                                    row.deadlineWarning(), row.escalationReason());
                        }));
    }

    /** The row if it exists and the viewer may see it; otherwise 404 (the same answer for both). */
    static Mono<AppealRow> visible(Viewer viewer, Mono<AppealRow> row, String id) {
        return row.filter(r -> {
                    boolean ok = viewer.canSee(r.region());
                    if (!ok) {
                        log.warn("{} (region {}) asked for appeal {} of region {}: refused as not found",
                                viewer.username(), viewer.region(), id, r.region());
                    }
                    return ok;
                })
                .switchIfEmpty(Mono.error(Problems.notFound()));
    }

    static AppealSummary summary(AppealRow r) {
        return new AppealSummary(r.id(), r.status(), r.region(),
                Regions.find(r.region()).map(Regions.Region::name).orElse(null), r.teacherFio(), r.orgType(),
                r.text(), r.createdAt(), r.deadline(), r.target(), r.assignedOperator(), r.overdue(), r.federal(),
                r.controlledBy(), r.aiScore(), r.rating(), r.unread(), r.version(), r.updatedAt(), r.deadlineDay(),
                r.deadlineWarning(), r.escalationReason());
    }

    public static UUID parseId(String id) {
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
