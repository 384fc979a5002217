package ru.rosobr.assistant.devstack;

import java.util.Arrays;

/**
 * Runs another main class (the Kafka broker) and exits when the launcher process is gone, so that even a
 * {@code kill -9} of the launcher leaves no broker behind. The services do the same through platform's
 * ParentWatchdog. Usage: {@code WatchedMain <parent pid> <main class> [args…]}.
 */
public final class WatchedMain {

    private WatchedMain() {
    }

    public static void main(String[] args) throws Exception {
        long parent = Long.parseLong(args[0]);
        ProcessHandle.of(parent).ifPresentOrElse(
                p -> p.onExit().thenRun(() -> {
                    System.err.println("[dev-stack] launcher " + parent + " is gone; stopping");
                    System.exit(0);
                }),
                () -> System.exit(0));
        Class.forName(args[1]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
