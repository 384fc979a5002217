package ru.rosobr.assistant.intake.teacher.internal;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.intake.teacher.Teacher;

/** Rows of the teachers table. */
public class TeacherRepository {

    private static final String COLUMNS = "teacher_id, channel, platform_user_id, fio, region, org_type, verified";

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
                        + "returning " + COLUMNS)
                .bind("id", UUID.randomUUID().toString())
                .bind("channel", channel.name())
                .bind("user", platformUserId)
                .bind("verified", verified);
        spec = fio == null ? spec.bindNull("fio", String.class) : spec.bind("fio", fio);
        spec = region == null ? spec.bindNull("region", String.class) : spec.bind("region", region);
        spec = orgType == null ? spec.bindNull("orgType", String.class) : spec.bind("orgType", orgType.name());
        return spec.map(TeacherRepository::teacher).one();
    }

    public Mono<Teacher> findById(String teacherId) {
        return db.sql("select " + COLUMNS + " from teachers where teacher_id = :id")
                .bind("id", teacherId)
                .map(TeacherRepository::teacher)
                .one();
    }

    public Mono<Teacher> findByPlatformUser(Channel channel, String platformUserId) {
        return db.sql("select " + COLUMNS + " from teachers where channel = :channel and platform_user_id = :user")
                .bind("channel", channel.name())
                .bind("user", platformUserId)
                .map(TeacherRepository::teacher)
                .one();
    }

    private static Teacher teacher(Readable r) {
        String orgType = r.get("org_type", String.class);
        return new Teacher(r.get("teacher_id", String.class), Channel.valueOf(r.get("channel", String.class)),
                r.get("platform_user_id", String.class), r.get("fio", String.class), r.get("region", String.class),
                orgType == null ? null : OrgType.valueOf(orgType), Boolean.TRUE.equals(r.get("verified", Boolean.class)));
    }
}
