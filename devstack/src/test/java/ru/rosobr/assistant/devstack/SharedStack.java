package ru.rosobr.assistant.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * One dev stack for the whole test JVM: starting the seven services and the broker costs about a minute, so the
 * end-to-end test and the browser test share it. Started by the first {@link #get()}, stopped when the JUnit
 * launcher session closes ({@link SharedStackListener}) or, at the latest, by a shutdown hook.
 */
final class SharedStack {

    private static DevStack stack;
    private static RuntimeException failure;

    private SharedStack() {
    }

    /** The running stack; a start that failed once is not tried again (its error is thrown to every caller). */
    static synchronized DevStack get() {
        if (failure != null) {
            throw new IllegalStateException("the shared dev stack failed to start", failure);
        }
        if (stack == null) {
            try {
                stack = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "shared-stack-stop"));
        }
        return stack;
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.stop();
            stack = null;
        }
    }

    private static DevStack start() {
        try {
            // the repository root (the jars under <module>/target); -Ddevstack.root points the tests at other jars;
            // -Ddevstack.start-timeout=<seconds> gives a loaded machine more than 240 s to start the stack
            Path root = Path.of(System.getProperty("devstack.root", "..")).toAbsolutePath().normalize();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String service : StackConfig.SERVICES) {
                ports.put(service, freePort());
            }
            String database = LocalPostgres.newDatabaseName("e2e");
            StackConfig config = new StackConfig(root, Files.createTempDirectory("devstack-e2e"), database, freePort(),
                    // no signing key given: the stack generates its own into the fresh data directory
                    freePort(), ports, null, freePort(),
                    // the campaign browser test must see a campaign move at any time of day
                    Map.of("ASSISTANT_CAMPAIGNS_DAY_FROM", "00:00", "ASSISTANT_CAMPAIGNS_DAY_TO", "23:59"));
            long t0 = System.nanoTime();
            // -Ddevstack.start-timeout=<seconds>: a busy shared machine starts seven JVMs more slowly than CI does
            DevStack started = new DevStack(config).start(Duration.ofSeconds(Long.getLong("devstack.start-timeout", 240)));
            System.out.printf("[e2e] stack UP in %.1f s, RSS %d MiB, gateway %s%n", (System.nanoTime() - t0) / 1e9,
                    started.residentMemoryMiB(), started.gatewayUrl());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
