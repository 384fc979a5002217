package ru.rosobr.assistant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time and resident memory from /proc: {@code utime + stime} of /proc/&lt;pid&gt;/stat (clock ticks, 100 per
 * second on Linux) and {@code VmRSS} of /proc/&lt;pid&gt;/status. A snapshot per named group of processes; the
 * driver's own JVM is split by thread name into the driver, the fake MAX platform and the rest.
 */
final class Procs {

    static final double TICKS_PER_SECOND = 100;

    /** CPU ticks and RSS (KiB) of each group at one moment, and the machine's busy and total ticks. */
    record Snapshot(long nanos, Map<String, Long> ticks, Map<String, Long> rssKib, long machineBusy, long machineTotal) {
    }

    /** CPU share (% of one core) of each group between two snapshots, and RSS at the later one. */
    record Usage(Map<String, Double> cpuPercent, Map<String, Long> rssMib, double machineBusyPercent) {
    }

    private final Supplier<Map<String, List<Long>>> groups;

    /** @param groups group name → process ids, asked anew at each snapshot (PostgreSQL backends come and go) */
    Procs(Supplier<Map<String, List<Long>>> groups) {
        this.groups = groups;
    }

    Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        groups.get().forEach((name, pids) -> {
            long t = 0;
            long r = 0;
            for (long pid : pids) {
                t += ticks(Path.of("/proc/" + pid + "/stat"));
                // PostgreSQL backends share the buffer cache: RSS would count it once per backend, PSS shares it out
                r += pids.size() > 1 ? pssKib(pid) : rssKib(pid);
            }
            ticks.put(name, t);
            rss.put(name, r);
        });
        threadGroups(ticks);
        long[] machine = machine();
        return new Snapshot(System.nanoTime(), ticks, rss, machine[0], machine[1]);
    }

    static Usage between(Snapshot a, Snapshot b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        b.ticks().forEach((name, t) -> {
            long before = a.ticks().getOrDefault(name, 0L);
            cpu.put(name, Math.max(0, t - before) / TICKS_PER_SECOND / seconds * 100);
            Long r = b.rssKib().get(name);
            if (r != null) {
                rss.put(name, r / 1024);
            }
        });
        long total = b.machineTotal() - a.machineTotal();
        double busy = total <= 0 ? 0 : (double) (b.machineBusy() - a.machineBusy()) / total * 100;
        return new Usage(cpu, rss, busy);
    }

    /** Threads of this JVM by name: "driver-…" and "fake-max-…" event loops; the rest is the JVM and the tool. */
    private static void threadGroups(Map<String, Long> ticks) {
        long driver = 0;
        long fake = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue;
                }
                if (name.startsWith(Load.THREAD_PREFIX)) {
                    driver += ticks(task.resolve("stat"));
                } else if (name.startsWith(FakeMax.THREAD_PREFIX)) {
                    fake += ticks(task.resolve("stat"));
                }
            }
        } catch (IOException e) {
            return;
        }
        ticks.put("драйвер: потоки HTTP-клиента", driver);
        ticks.put("фейковый MAX: поток сервера", fake);
    }

    static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            // the command name may hold spaces and brackets: fields are counted after its closing bracket
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone
        }
        return 0;
    }

    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone
        }
        return 0;
    }

    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Java processes of a stack started by DevStack elsewhere (--url): matched by jar and by the gateway port. */
    static Map<String, List<Long>> findStack(int gatewayPort, int kafkaPort) {
        Map<String, List<Long>> found = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String cmd;
                try {
                    cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                } catch (IOException e) {
                    continue;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                if (cmd.contains("kafka.Kafka")) {
                    String props = cmd.strip().substring(cmd.strip().lastIndexOf(' ') + 1);
                    try {
                        if (Files.readString(Path.of(props)).contains(":" + kafkaPort + "\n")
                                || Files.readString(Path.of(props)).contains(":" + kafkaPort + ",")) {
                            found.computeIfAbsent("kafka", k -> new java.util.ArrayList<>()).add(pid);
                        }
                    } catch (IOException | RuntimeException e) {
                        // not readable: not ours to measure
                    }
                    continue;
                }
                var m = java.util.regex.Pattern.compile("/([a-z-]+)/target/\\1\\.jar").matcher(cmd);
                if (m.find()) {
                    try {
                        String env = Files.readString(p.resolve("environ"));
                        if (env.contains("\0GATEWAY_PORT=" + gatewayPort + "\0")
                                || env.startsWith("GATEWAY_PORT=" + gatewayPort + "\0")) {
                            found.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(pid);
                        }
                    } catch (IOException e) {
                        // another user's process
                    }
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }
}
