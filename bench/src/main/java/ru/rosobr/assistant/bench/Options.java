package ru.rosobr.assistant.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Command-line options of bin/bench-pipeline. */
record Options(String url, List<Double> rates, Duration duration, Duration warmup, Duration grace, int teachers,
               int replicas, Map<Load.Kind, Integer> mix, String jvm, int fakePort, String secret, String kafka,
               List<String> faults, Duration faultGap, Duration outage) {

    /** Every fault bin/chaos knows, in the order it applies them. */
    static final List<String> ALL_FAULTS = List.of("kill:intake-service", "kill:answer-service", "kill:routing-service",
            "kill:operator-service", "kill:analytics-service", "kill:followup-service", "kill:gateway", "kafka",
            "postgres", "platform");

    boolean chaos() {
        return !faults.isEmpty();
    }

    static final String USAGE = """
            bin/bench-pipeline [--rate 100 | --sweep 100,250,500,1000,2000] [--duration 60s] [--warmup 10s]
                               [--teachers 5000] [--replicas 1|2] [--mix 60,20,10,5,5] [--grace 30s]
                               [--jvm server|fast-start]
                               [--faults all|kill:intake-service,kafka,postgres,platform,… --fault-gap 45s
                                --outage 2m]
                               [--url http://127.0.0.1:18080[,http://127.0.0.1:18180] --secret S --fake-port P
                                --kafka 127.0.0.1:19092]
              --mix: доли (%) вопросов из базы, вне базы, не по теме, дополнений, оценок
              без --url запускает стенд сам (DevStack) с фейковой платформой MAX на 127.0.0.1
              --faults: сбои под нагрузкой по очереди (bin/chaos): kill -9 сервиса и его перезапуск, перезапуск
                брокера, перезапуск PostgreSQL, платформа MAX отвечает 503 в течение --outage; между сбоями --fault-gap""";

    static Options parse(String[] args) {
        String url = null;
        List<Double> rates = List.of(100.0);
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        Duration grace = Duration.ofSeconds(30);
        int teachers = 5000;
        int replicas = 1;
        Map<Load.Kind, Integer> mix = mix("60,20,10,5,5");
        String jvm = null;
        int fakePort = 0;
        String secret = System.getenv("MAX_WEBHOOK_SECRET");
        String kafka = null;
        List<String> faults = List.of();
        Duration faultGap = Duration.ofSeconds(45);
        Duration outage = Duration.ofMinutes(2);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("нет значения у " + a + "\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--url" -> url = v;
                case "--rate" -> rates = List.of(Double.parseDouble(v));
                case "--sweep" -> {
                    List<Double> r = new ArrayList<>();
                    for (String s : v.split(",")) {
                        r.add(Double.parseDouble(s.strip()));
                    }
                    rates = List.copyOf(r);
                }
                case "--duration" -> duration = duration(v);
                case "--warmup" -> warmup = duration(v);
                case "--grace" -> grace = duration(v);
                case "--teachers" -> teachers = Integer.parseInt(v);
                case "--replicas" -> replicas = Integer.parseInt(v);
                case "--mix" -> mix = mix(v);
                case "--jvm" -> jvm = v;
                case "--fake-port" -> fakePort = Integer.parseInt(v);
                case "--secret" -> secret = v;
                case "--kafka" -> kafka = v;
                case "--faults" -> faults = v.equals("all") ? ALL_FAULTS : List.of(v.split(","));
                case "--fault-gap" -> faultGap = duration(v);
                case "--outage" -> outage = duration(v);
                default -> throw new IllegalArgumentException("неизвестный параметр " + a + "\n" + USAGE);
            }
        }
        for (double r : rates) {
            // the load targets loopback only; the bound keeps a typo from flooding the box
            if (r <= 0 || r > 20_000) {
                throw new IllegalArgumentException("частота от 0 до 20000 в секунду, не " + r);
            }
        }
        if (replicas < 1 || replicas > 2) {
            throw new IllegalArgumentException("--replicas: 1 или 2");
        }
        if (url != null && (secret == null || fakePort == 0)) {
            throw new IllegalArgumentException("с --url нужны --secret (MAX_WEBHOOK_SECRET стенда) и --fake-port "
                    + "(порт из MAX_API_BASE_URL стенда)");
        }
        for (String f : faults) {
            if (!ALL_FAULTS.contains(f.strip())) {
                throw new IllegalArgumentException("--faults: неизвестный сбой «" + f + "»; известны: all, "
                        + String.join(", ", ALL_FAULTS));
            }
        }
        if (!faults.isEmpty() && (url != null || rates.size() != 1)) {
            throw new IllegalArgumentException("--faults: только на своём стенде (без --url) и с одной частотой --rate");
        }
        return new Options(url, rates, duration, warmup, grace, teachers, replicas, mix, jvm, fakePort, secret, kafka,
                faults.stream().map(String::strip).toList(), faultGap, outage);
    }

    private static Duration duration(String v) {
        String s = v.strip().toLowerCase();
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(s.endsWith("s") ? s.substring(0, s.length() - 1) : s));
    }

    private static Map<Load.Kind, Integer> mix(String v) {
        String[] parts = v.split(",");
        if (parts.length != Load.Kind.values().length) {
            throw new IllegalArgumentException("--mix: пять долей через запятую, например 60,20,10,5,5");
        }
        Map<Load.Kind, Integer> mix = new EnumMap<>(Load.Kind.class);
        for (Load.Kind k : Load.Kind.values()) {
            mix.put(k, Integer.parseInt(parts[k.ordinal()].strip()));
        }
        return mix;
    }
}
