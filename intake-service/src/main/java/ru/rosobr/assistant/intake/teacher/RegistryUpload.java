package ru.rosobr.assistant.intake.teacher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * A registry file uploaded from the console: every row is checked, the good ones are imported (in chunks, as the
 * file is read) and the bad ones reported — row, field, reason — so one typo does not hold back a region's list.
 * One transaction for the file: it is imported as reported or, when it turns out unreadable half-way, not at all.
 */
public class RegistryUpload {

    /** Rows imported per statement. */
    static final int CHUNK = 1000;
    /** Errors listed in the report; the count of rejected rows is always complete. */
    public static final int MAX_LISTED_ERRORS = 1000;

    /** A bad field of a row of the file. */
    public record RowError(int row, String field, String reason) {
    }

    /**
     * What became of the file.
     *
     * @param rows     data rows read (blank rows not counted)
     * @param rejected rows not imported; {@code errors} lists their problems (up to {@value #MAX_LISTED_ERRORS})
     */
    public record Report(String format, int rows, int imported, int created, int updated, int rejected,
                         List<RowError> errors, boolean errorsTruncated) {
    }

    /** The audit log's action kind of a registry import. */
    public static final String IMPORT_ACTION = "REGISTRY_IMPORT";

    private final Teachers teachers;
    private final TransactionalOperator tx;
    private final Outbox outbox;

    public RegistryUpload(Teachers teachers, TransactionalOperator tx, Outbox outbox) {
        this.teachers = teachers;
        this.tx = tx;
        this.outbox = outbox;
    }

    /**
     * Reads, checks and imports the file; fails with {@link RegistryImport.Unreadable} when it cannot be read. The
     * import and its entry for the audit log ({@code audit.intake}, by {@code actor}) commit together.
     */
    public Mono<Report> upload(Path file, String actor) {
        return Mono.defer(() -> {
            Tally tally = new Tally();
            RegistryImport.RowChecker checker = new RegistryImport.RowChecker();
            Flux<RegistryFile.RawRow> rows = Flux.using(() -> RegistryFile.open(file),
                            f -> {
                                tally.format = f.format();
                                return Flux.fromIterable(f::rows);
                            }, f -> {
                                try {
                                    f.close();
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                    // reading the file blocks: never on an event loop (requests come back to this worker too)
                    .subscribeOn(Schedulers.boundedElastic());
            return rows.<RegistryEntry>handle((raw, sink) -> {
                        if (++tally.rows > RegistryImport.MAX_ROWS) {
                            sink.error(new RegistryImport.Unreadable("В файле больше " + RegistryImport.MAX_ROWS
                                    + " строк: разделите его на несколько файлов"));
                            return;
                        }
                        RegistryImport.Checked checked = checker.check(raw.row(), raw.fields());
                        if (checked.entry() != null) {
                            sink.next(checked.entry());
                        } else {
                            tally.reject(raw.row(), checked.problems());
                        }
                    })
                    .buffer(CHUNK)
                    .concatMap(teachers::importVerified)
                    .doOnNext(tally::add)
                    .then(Mono.fromCallable(() -> {
                        if (tally.rows == 0) {
                            throw new RegistryImport.Unreadable("В файле нет ни одного педагога: под заголовком "
                                    + "нет строк");
                        }
                        return tally.report();
                    }))
                    .flatMap(report -> outbox.append(StaffActionAudited.of(actor, IMPORT_ACTION, null, summary(report)))
                            .thenReturn(report))
                    .as(tx::transactional);
        });
    }

    /** The audit log's line for an import (counts only: no teacher's data). */
    static String summary(Report r) {
        return r.format() + ": строк " + r.rows() + ", загружено " + r.imported() + " (новых " + r.created()
                + ", обновлено " + r.updated() + "), отклонено " + r.rejected();
    }

    /** Counts of one upload; touched by one sequential pipeline only. */
    private static final class Tally {
        String format;
        int rows;
        int created;
        int updated;
        int rejected;
        boolean truncated;
        final List<RowError> errors = new ArrayList<>();

        void reject(int row, List<RegistryImport.FieldProblem> problems) {
            rejected++;
            for (RegistryImport.FieldProblem p : problems) {
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.add(new RowError(row, p.field(), p.reason()));
                } else {
                    truncated = true;
                }
            }
        }

        void add(ImportResult r) {
            created += r.created();
            updated += r.updated();
        }

        Report report() {
            return new Report(format, rows, created + updated, created, updated, rejected, List.copyOf(errors),
                    truncated);
        }
    }
}
