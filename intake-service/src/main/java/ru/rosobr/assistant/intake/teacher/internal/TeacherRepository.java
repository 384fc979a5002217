package ru.rosobr.assistant.intake.teacher.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.intake.teacher.ImportResult;
import ru.rosobr.assistant.intake.teacher.RegistryEntry;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.intake.teacher.TeacherEntry;
import ru.rosobr.assistant.intake.teacher.TeacherPage;
import ru.rosobr.assistant.intake.teacher.TeacherQuery;
import ru.rosobr.assistant.intake.teacher.Teachers;

/** Rows of the teachers table. */
public class TeacherRepository {

    private static final String COLUMNS = "teacher_id, channel, platform_user_id, fio, region, org_type, verified";
    private static final String ALL_COLUMNS = COLUMNS + ", greeted_at, pending_question, pending_external_id, "
            + "disabled_at";
    /** Rows per statement of a registry import. */
    private static final int IMPORT_CHUNK = 1000;

    private final DatabaseClient db;

    public TeacherRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Teacher> upsert(Channel channel, String platformUserId, String fio, String region, OrgType orgType,
                                boolean verified) {
        var spec = db.sql("insert into teachers (" + COLUMNS + ") "
                        + "values (:id, :channel, :user, :fio, :region, :orgType, :verified) "
                        + "on conflict (channel, platform_user_id) do update set fio = excluded.fio, "
                        + "region = excluded.region, org_type = excluded.org_type, verified = excluded.verified, "
                        + "updated_at = now() "
                        + "returning " + ALL_COLUMNS)
                .bind("id", UUID.randomUUID().toString())
                .bind("channel", channel.name())
                .bind("user", platformUserId)
                .bind("verified", verified);
        spec = fio == null ? spec.bindNull("fio", String.class) : spec.bind("fio", fio);
        spec = region == null ? spec.bindNull("region", String.class) : spec.bind("region", region);
        spec = orgType == null ? spec.bindNull("orgType", String.class) : spec.bind("orgType", orgType.name());
        return spec.map(TeacherRepository::teacher).one();
    }

    /**
     * The teacher of a messenger user; someone intake has not met yet is recorded as unverified (their messages
     * are kept in the conversation log). Registry data (ФИО, region, verification) is never touched here. The
     * dialogue's id, when the update told one, is kept in the same statement (no extra write per update).
     */
    public Mono<Teacher> contact(Channel channel, String platformUserId, String displayName, String dialogId) {
        var spec = db.sql("insert into teachers (teacher_id, channel, platform_user_id, display_name, verified, "
                        + "platform_dialog_id) values (:id, :channel, :user, :name, false, :dialog) "
                        + "on conflict (channel, platform_user_id) do update set "
                        + "display_name = coalesce(excluded.display_name, teachers.display_name), "
                        + "platform_dialog_id = coalesce(excluded.platform_dialog_id, teachers.platform_dialog_id) "
                        + "returning " + ALL_COLUMNS)
                .bind("id", UUID.randomUUID().toString())
                .bind("channel", channel.name())
                .bind("user", platformUserId);
        spec = displayName == null ? spec.bindNull("name", String.class) : spec.bind("name", displayName);
        spec = dialogId == null ? spec.bindNull("dialog", String.class) : spec.bind("dialog", dialogId);
        return spec.map(TeacherRepository::teacher).one();
    }

    /**
     * {@link #contact} for several users in one statement; each user at most once. The rows are locked in the order
     * of (channel, user id), so two transactions contacting overlapping users cannot deadlock.
     */
    public Flux<Teacher> contactAll(List<Teachers.Contact> contacts) {
        if (contacts.isEmpty()) {
            return Flux.empty();
        }
        List<Teachers.Contact> sorted = contacts.stream()
                .sorted(Comparator.comparing((Teachers.Contact c) -> c.channel().name())
                        .thenComparing(Teachers.Contact::platformUserId))
                .toList();
        int n = sorted.size();
        String[] ids = new String[n];
        String[] channels = new String[n];
        String[] users = new String[n];
        String[] names = new String[n];
        String[] dialogs = new String[n];
        for (int i = 0; i < n; i++) {
            Teachers.Contact c = sorted.get(i);
            ids[i] = UUID.randomUUID().toString();
            channels[i] = c.channel().name();
            users[i] = c.platformUserId();
            names[i] = c.displayName();
            dialogs[i] = c.dialogId();
        }
        return db.sql("insert into teachers (teacher_id, channel, platform_user_id, display_name, verified, "
                        + "platform_dialog_id) select id, channel, platform_user, name, false, dialog from "
                        + "unnest(:ids::text[], :channels::text[], :users::text[], :names::text[], :dialogs::text[]) "
                        + "as c(id, channel, platform_user, name, dialog) "
                        + "on conflict (channel, platform_user_id) do update set "
                        + "display_name = coalesce(excluded.display_name, teachers.display_name), "
                        + "platform_dialog_id = coalesce(excluded.platform_dialog_id, teachers.platform_dialog_id) "
                        + "returning " + ALL_COLUMNS)
                .bind("ids", ids)
                .bind("channels", channels)
                .bind("users", users)
                .bind("names", names)
                .bind("dialogs", dialogs)
                .map(TeacherRepository::teacher)
                .all();
    }

    /** The dialogue's id, where none is known yet. */
    public Mono<Void> dialogLearned(String teacherId, String dialogId) {
        return db.sql("update teachers set platform_dialog_id = :dialog where teacher_id = :id "
                        + "and platform_dialog_id is null")
                .bind("id", teacherId).bind("dialog", dialogId).then();
    }

    /** One row of a registry import as stored: what campaigns need to know of the teacher. */
    public record ImportedRow(String teacherId, Channel channel, String region, OrgType orgType, boolean created,
                              boolean disabled) {
    }

    /**
     * Adds or updates verified teachers in chunks. A region missing from the registry keeps the one the teacher
     * chose in the dialogue. Emits every stored row.
     */
    public Flux<ImportedRow> importVerified(List<RegistryEntry> entries) {
        List<List<RegistryEntry>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i += IMPORT_CHUNK) {
            chunks.add(entries.subList(i, Math.min(entries.size(), i + IMPORT_CHUNK)));
        }
        return Flux.fromIterable(chunks).concatMap(this::importChunk);
    }

    private Flux<ImportedRow> importChunk(List<RegistryEntry> chunk) {
        int n = chunk.size();
        String[] ids = new String[n];
        String[] channels = new String[n];
        String[] users = new String[n];
        String[] fios = new String[n];
        String[] regions = new String[n];
        String[] orgTypes = new String[n];
        for (int i = 0; i < n; i++) {
            RegistryEntry e = chunk.get(i);
            ids[i] = UUID.randomUUID().toString();
            channels[i] = e.channel().name();
            users[i] = e.platformUserId();
            fios[i] = e.fio();
            regions[i] = e.region();
            orgTypes[i] = e.orgType().name();
        }
        return db.sql("insert into teachers (teacher_id, channel, platform_user_id, fio, region, org_type, verified) "
                        + "select id, ch, u, f, r, o, true from unnest(:ids::text[], :channels::text[], "
                        + ":users::text[], :fios::text[], :regions::text[], :orgTypes::text[]) as t(id, ch, u, f, r, o) "
                        + "on conflict (channel, platform_user_id) do update set fio = excluded.fio, "
                        + "region = coalesce(excluded.region, teachers.region), org_type = excluded.org_type, "
                        + "verified = true, updated_at = now() "
                        + "returning teacher_id, channel, region, org_type, (xmax = 0) as created, "
                        + "(disabled_at is not null) as disabled")
                .bind("ids", ids).bind("channels", channels).bind("users", users).bind("fios", fios)
                .bind("regions", regions).bind("orgTypes", orgTypes)
                .map(r -> new ImportedRow(r.get("teacher_id", String.class),
                        Channel.valueOf(r.get("channel", String.class)), r.get("region", String.class),
                        OrgType.valueOf(r.get("org_type", String.class)),
                        Boolean.TRUE.equals(r.get("created", Boolean.class)),
                        Boolean.TRUE.equals(r.get("disabled", Boolean.class))))
                .all();
    }

    public Flux<Teacher> findAll(java.util.Collection<String> teacherIds) {
        return db.sql("select " + ALL_COLUMNS + " from teachers where teacher_id = any(:ids)")
                .bind("ids", teacherIds.toArray(String[]::new))
                .map(TeacherRepository::teacher)
                .all();
    }

    public Mono<Teacher> findByPlatformUser(Channel channel, String platformUserId) {
        return db.sql("select " + ALL_COLUMNS + " from teachers where channel = :channel and platform_user_id = :user")
                .bind("channel", channel.name())
                .bind("user", platformUserId)
                .map(TeacherRepository::teacher)
                .one();
    }

    /** Marks the greeting as sent; emits true when it had not been sent before. */
    public Mono<Boolean> markGreeted(String teacherId) {
        return db.sql("update teachers set greeted_at = now() where teacher_id = :id and greeted_at is null")
                .bind("id", teacherId).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Marks the greeting as sent to all of these teachers, in one statement. */
    public Mono<Void> markGreeted(Collection<String> teacherIds) {
        if (teacherIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update teachers set greeted_at = now() where teacher_id = any(:ids) and greeted_at is null")
                .bind("ids", teacherIds.toArray(String[]::new)).then();
    }

    public Mono<Void> setPendingQuestion(String teacherId, String text, String externalId) {
        var spec = db.sql("update teachers set pending_question = :text, pending_external_id = :external, "
                        + "updated_at = now() where teacher_id = :id")
                .bind("id", teacherId);
        spec = text == null ? spec.bindNull("text", String.class) : spec.bind("text", text);
        spec = externalId == null ? spec.bindNull("external", String.class) : spec.bind("external", externalId);
        return spec.then();
    }

    /** Remembers the region the teacher chose; emits the updated teacher. */
    public Mono<Teacher> setRegion(String teacherId, String region) {
        return db.sql("update teachers set region = :region, updated_at = now() where teacher_id = :id "
                        + "returning " + ALL_COLUMNS)
                .bind("id", teacherId).bind("region", region)
                .map(TeacherRepository::teacher).one();
    }

    private static Teacher teacher(Readable r) {
        String orgType = r.get("org_type", String.class);
        return new Teacher(r.get("teacher_id", String.class), Channel.valueOf(r.get("channel", String.class)),
                r.get("platform_user_id", String.class), r.get("fio", String.class), r.get("region", String.class),
                orgType == null ? null : OrgType.valueOf(orgType), Boolean.TRUE.equals(r.get("verified", Boolean.class)),
                r.get("greeted_at", java.time.Instant.class) != null, r.get("pending_question", String.class),
                r.get("pending_external_id", String.class), r.get("disabled_at", java.time.Instant.class) != null);
    }

    /**
     * Disables or enables a teacher; emits the teacher after the change, or nothing when it was already so (no
     * change, nothing to announce).
     */
    public Mono<Teacher> setDisabled(Channel channel, String platformUserId, boolean disabled, String actor) {
        var spec = db.sql("update teachers set disabled_at = " + (disabled ? "now()" : "null")
                        + ", disabled_by = :actor, updated_at = now() "
                        + "where channel = :channel and platform_user_id = :user and (disabled_at is null) = :was "
                        + "returning " + ALL_COLUMNS)
                .bind("channel", channel.name())
                .bind("user", platformUserId)
                .bind("was", disabled);
        spec = disabled ? spec.bind("actor", actor) : spec.bindNull("actor", String.class);
        return spec.map(TeacherRepository::teacher).one();
    }

    /** The registry page: the teachers matching the query, by name, and how many match in all. */
    public Mono<TeacherPage> search(TeacherQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        java.util.Map<String, Object> binds = new java.util.HashMap<>();
        if (query.text() != null) {
            // ФИО by any part of it; an id of the platform exactly
            where.append(" and (fio ilike :text escape '\\' or platform_user_id = :exact)");
            binds.put("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            binds.put("exact", query.text());
        }
        if (query.region() != null) {
            where.append(" and region = :region");
            binds.put("region", query.region());
        }
        if (query.orgType() != null) {
            where.append(" and org_type = :orgType");
            binds.put("orgType", query.orgType().name());
        }
        if (query.channel() != null) {
            where.append(" and channel = :channel");
            binds.put("channel", query.channel().name());
        }
        if (query.verified() != null) {
            where.append(" and verified = :verified");
            binds.put("verified", query.verified());
        }
        if (query.disabled() != null) {
            where.append(query.disabled() ? " and disabled_at is not null" : " and disabled_at is null");
        }
        var count = db.sql("select count(*) from teachers" + where);
        var page = db.sql("select " + COLUMNS + ", disabled_at, disabled_by, updated_at from teachers" + where
                + " order by fio nulls last, teacher_id limit :limit offset :offset");
        for (var b : binds.entrySet()) {
            count = count.bind(b.getKey(), b.getValue());
            page = page.bind(b.getKey(), b.getValue());
        }
        Mono<Long> total = count.map(r -> ((Number) r.get(0)).longValue()).one();
        Mono<List<TeacherEntry>> items = page.bind("limit", query.limit()).bind("offset", query.offset())
                .map(TeacherRepository::entry).all().collectList();
        return Mono.zip(total, items).map(t -> new TeacherPage(t.getT2(), t.getT1()));
    }

    private static TeacherEntry entry(Readable r) {
        String orgType = r.get("org_type", String.class);
        return new TeacherEntry(r.get("teacher_id", String.class), Channel.valueOf(r.get("channel", String.class)),
                r.get("platform_user_id", String.class), r.get("fio", String.class), r.get("region", String.class),
                orgType == null ? null : OrgType.valueOf(orgType), Boolean.TRUE.equals(r.get("verified", Boolean.class)),
                r.get("disabled_at", java.time.Instant.class), r.get("disabled_by", String.class),
                r.get("updated_at", java.time.Instant.class));
    }
}
