package ru.rosobr.assistant.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class GroupCommitTest {

    @Test
    void oneCallerAloneIsWrittenAtOnce() {
        List<List<Integer>> statements = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> group = new GroupCommit<>(items -> Mono.fromRunnable(() -> statements.add(items)), 100);

        group.write(1).block(Duration.ofSeconds(5));

        assertThat(statements).containsExactly(List.of(1));
    }

    @Test
    void whatComesWhileAStatementIsOutGoesInTheNextOneInOrder() {
        List<List<Integer>> statements = new CopyOnWriteArrayList<>();
        List<Sinks.Empty<Void>> outstanding = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> group = new GroupCommit<>(items -> {
            statements.add(items);
            Sinks.Empty<Void> done = Sinks.empty();
            outstanding.add(done);
            return done.asMono();
        }, 3);
        List<Boolean> completed = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 6; i++) {
            group.write(i).subscribe(null, e -> { }, () -> completed.add(true));
        }
        // the first item went out alone; the other five wait for it
        assertThat(statements).containsExactly(List.of(1));
        assertThat(completed).isEmpty();

        outstanding.getFirst().tryEmitEmpty();
        assertThat(statements).containsExactly(List.of(1), List.of(2, 3, 4));
        assertThat(completed).hasSize(1);

        outstanding.get(1).tryEmitEmpty();
        outstanding.get(2).tryEmitEmpty();
        assertThat(statements).containsExactly(List.of(1), List.of(2, 3, 4), List.of(5, 6));
        assertThat(completed).hasSize(6);
    }

    @Test
    void aFailedStatementFailsItsCallersOnlyAndTheNextOneRuns() {
        List<List<Integer>> statements = new ArrayList<>();
        GroupCommit<Integer> group = new GroupCommit<>(items -> {
            statements.add(items);
            return items.contains(2) ? Mono.error(new IllegalStateException("boom")) : Mono.empty();
        }, 10);

        assertThatThrownBy(() -> group.write(2).block(Duration.ofSeconds(5))).hasMessageContaining("boom");
        group.write(3).block(Duration.ofSeconds(5));

        assertThat(statements).containsExactly(List.of(2), List.of(3));
    }

    @Test
    void manyConcurrentCallersAllComplete() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> group = new GroupCommit<>(items -> Mono.delay(Duration.ofMillis(2))
                .doOnNext(t -> written.addAll(items)).then(), 50);

        Flux.range(0, 2_000).flatMap(group::write, 256).blockLast(Duration.ofSeconds(30));

        assertThat(written).hasSize(2_000).doesNotHaveDuplicates();
    }
}
