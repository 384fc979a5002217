package ru.rosobr.assistant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.TeacherChanged;

class TeacherChangedLatestTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static TeacherChanged change(String teacher, Instant at, String region) {
        return TeacherChanged.of(at, teacher, Channel.MAX, region, OrgType.SCHOOL, true);
    }

    @Test
    void aRunEndsWithWhatApplyingItInOrderWouldLeave() {
        TeacherChanged aLate = change("a", T.plusSeconds(5), "77");
        TeacherChanged aEarlyArrivingLast = change("a", T, "50");
        TeacherChanged b1 = change("b", T, "01");
        TeacherChanged b2SameTime = change("b", T, "02");

        List<TeacherChanged> latest = TeacherChanged.latestPerTeacher(List.of(aLate, b1, aEarlyArrivingLast, b2SameTime));

        // an older event arriving late changes nothing; of equal times the later one in the run wins
        assertThat(latest).containsExactly(aLate, b2SameTime);
    }
}
