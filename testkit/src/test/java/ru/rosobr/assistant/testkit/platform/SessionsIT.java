package ru.rosobr.assistant.testkit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.leader.Leadership;
import ru.rosobr.assistant.platform.notify.PgNotifications;
import ru.rosobr.assistant.platform.notify.PgNotifications.Connected;
import ru.rosobr.assistant.platform.notify.PgNotifications.Notification;
import ru.rosobr.assistant.platform.notify.PgNotifications.Signal;
import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * The platform's dedicated PostgreSQL sessions on a real server: notifications arrive at commit and never for a
 * rollback, the listener comes back (and says so) when the server kills its session, and leadership moves to the
 * other replica when the leader's session dies.
 */
class SessionsIT {

    private static ConnectionFactory connections;
    private static DatabaseClient db;

    @BeforeAll
    static void database() {
        LocalPostgres.Server server = LocalPostgres.shared();
        String database = LocalPostgres.freshDatabase("sessions");
        connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:postgresql://" + server.host() + ":" + server.port() + "/" + database)
                .mutate()
                .option(ConnectionFactoryOptions.USER, server.user())
                .option(ConnectionFactoryOptions.PASSWORD, server.password() == null ? "" : server.password())
                .build());
        db = DatabaseClient.create(connections);
    }

    /** Ends other sessions of this database the way a server restart or a network cut would. */
    private static void terminate(String sessionsWhere) {
        db.sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                + "and pid <> pg_backend_pid() and " + sessionsWhere).then().block();
    }

    @Test
    void notificationsArriveAtCommitOnlyAndSurviveALostSession() {
        PgNotifications notifications = new PgNotifications(connections, Duration.ofMillis(300));
        List<Signal> heard = new CopyOnWriteArrayList<>();
        Disposable listening = notifications.listen("test_changes").subscribe(heard::add);
        notifications.start();
        try {
            assertThat(notifications.isListening("test_changes")).isTrue();
            TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
            tx.transactional(PgNotifications.notify(db, "test_changes", "rolled-back")
                    .then(Mono.error(new IllegalStateException("rollback on purpose")))).onErrorComplete().block();
            tx.transactional(PgNotifications.notify(db, "test_changes", "committed")).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(
                    new Notification("test_changes", "committed")));
            assertThat(heard).doesNotContain(new Notification("test_changes", "rolled-back"));

            // the server ends the listening session: the listener reconnects, says so, and hears again
            terminate("query ilike 'LISTEN%'");
            await().atMost(Duration.ofSeconds(20)).until(() -> heard.contains(new Connected("test_changes"))
                    && notifications.isListening("test_changes"));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                PgNotifications.notify(db, "test_changes", "after reconnect").block();
                return heard.contains(new Notification("test_changes", "after reconnect"));
            });
        } finally {
            listening.dispose();
            notifications.stop();
        }
    }

    @Test
    void leadershipIsRetakenWhenTheLeadersSessionDiesAndMovesWhenTheLeaderGoes() {
        Leadership first = new Leadership(connections, "sessions-test/duty", Duration.ofMillis(200));
        Leadership second = new Leadership(connections, "sessions-test/duty", Duration.ofMillis(200));
        first.start();
        try {
            assertThat(first.awaitLeading(Duration.ofSeconds(10)).block()).isTrue();
            second.start();
            // the follower is connected and keeps trying; it does not lead while the leader lives
            await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("select count(*) as n from pg_stat_activity "
                            + "where datname = current_database() and pid <> pg_backend_pid()")
                    .map((r, m) -> r.get("n", Long.class)).one().block() >= 2);
            await().atMost(Duration.ofSeconds(5)).during(Duration.ofSeconds(1)).until(() -> !second.isLeader());

            // the leader's session dies (its holder is the session that has the advisory lock): one leads again
            terminate("pid in (select pid from pg_locks where locktype = 'advisory' and granted)");
            await().atMost(Duration.ofSeconds(20)).until(() -> first.isLeader() != second.isLeader());

            // the leader goes away: the other replica takes over
            Leadership leader = first.isLeader() ? first : second;
            Leadership other = leader == first ? second : first;
            leader.stop();
            assertThat(other.awaitLeading(Duration.ofSeconds(20)).block()).isTrue();
            assertThat(leader.isLeader()).isFalse();
        } finally {
            first.stop();
            second.stop();
        }
    }
}
