package ru.rosobr.assistant.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * Sends hostile input ({@link HostileInput}) to every HTTP route of a running service and fails when any answer is
 * a 5xx or no answer at all. The routes are read from the service's handler mappings, so a new route is covered
 * without touching the test; a route that takes a body must be given a valid sample ({@link #body}), and routes of
 * a {@code RouterFunction} must be declared ({@link #functionRoute}), else the run fails and says which.
 *
 * <p>The seed is printed and can be fixed with {@code -Dhostile.seed=…}; each try draws from its own
 * {@code Random} made of the seed, the route and the try's number, so a failure names everything needed to send the
 * same request again. Tries per route: {@code -Dhostile.tries} (default 200 on public routes, 60 behind a token;
 * a route with nothing to vary but the body it ignores gets at most 20).
 */
public final class HostileRoutes {

    public static final long SEED = Long.getLong("hostile.seed", new Random().nextLong());
    private static final Integer TRIES = Integer.getInteger("hostile.tries");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    private static final Set<String> NOT_QUERY = Set.of("org.springframework.security.oauth2.jwt.Jwt",
            "org.springframework.web.server.ServerWebExchange", "java.security.Principal");

    /** A route: method, path pattern, and what it reads from the request. */
    public record Route(String method, String pattern, List<String> variables, Map<String, Boolean> params,
                        boolean takesBody) {
        public String key() {
            return method + " " + pattern;
        }
    }

    private final ApplicationContext context;
    private final Set<String> publicRoutes = new LinkedHashSet<>();
    private final Map<String, List<String>> bodies = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Set<String> functionRoutes = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> pathValues = new LinkedHashMap<>();
    private final Map<String, String> paramValues = new LinkedHashMap<>();
    private Function<Route, String> bearer = route -> null;
    private final HttpClient http = newClient();

    private HostileRoutes(ApplicationContext context) {
        this.context = context;
    }

    /**
     * The whole hostile-input check of a service that needs nothing but its routes' inputs: starts one replica of
     * {@code application} on a fresh database ({@code databasePrefix}, real PostgreSQL and broker), sends every
     * route hostile input with a token of every role of region 58 (unless {@code inputs} sets another bearer), and
     * stops the replica.
     */
    public static void runOnReplica(Class<?> application, String databasePrefix, Consumer<HostileRoutes> inputs) {
        try (ServiceReplicas service = ServiceReplicas.start(application, databasePrefix, 1)) {
            String token = TestJwt.token("hostile", List.of("ADMIN", "FEDERAL", "OPERATOR", "KB_EDITOR"), "58");
            HostileRoutes routes = of(service.context(0)).bearer(route -> token);
            inputs.accept(routes);
            routes.run();
        }
    }

    /** The routes of the service running in {@code context} (a web server context on a real port). */
    public static HostileRoutes of(ApplicationContext context) {
        return new HostileRoutes(context);
    }

    /** Routes answered without a token, keys as {@code "POST /webhooks/max"}: they get the larger share of tries. */
    public HostileRoutes publicRoutes(String... keys) {
        publicRoutes.addAll(List.of(keys));
        return this;
    }

    /**
     * Valid bodies of the route, the ones the variants are made of (each try picks one). {@code {{n}}} in a body
     * stands for a number unique to the try (e.g. a message id, so that tries are not taken for repeats).
     */
    public HostileRoutes body(String key, String... validJson) {
        bodies.computeIfAbsent(key, k -> new ArrayList<>()).addAll(List.of(validJson));
        return this;
    }

    /** A header every request of the route carries (e.g. a webhook secret); {@code "*"} for every route. */
    public HostileRoutes header(String key, String name, String value) {
        headers.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** The bearer token of the routes that are not public (without the "Bearer " prefix), per route. */
    public HostileRoutes bearer(Function<Route, String> token) {
        this.bearer = token;
        return this;
    }

    /** A valid value of a path variable of this name (e.g. the id of an existing record), asked for each try. */
    public HostileRoutes pathValue(String variable, Supplier<String> valid) {
        pathValues.put(variable, valid);
        return this;
    }

    /** A valid value of a query parameter of this name. */
    public HostileRoutes paramValue(String name, String valid) {
        paramValues.put(name, valid);
        return this;
    }

    /** A route not to be sent hostile input, with the reason (e.g. a stream that never ends). */
    public HostileRoutes skip(String key, String why) {
        skipped.put(key, why);
        return this;
    }

    /** A route of a {@code RouterFunction}: each such route of the service must be declared here. */
    public HostileRoutes functionRoute(String key) {
        functionRoutes.add(key);
        return this;
    }

    /** Every route of the service: the annotated handler methods, then the declared functional routes. */
    public List<Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                for (var pattern : info.getPatternsCondition().getPatterns()) {
                    for (String method : methods) {
                        Route route = describe(method, pattern.getPatternString(), e.getValue());
                        routes.put(route.key(), route);
                    }
                }
            }
        }
        for (String key : functionRoutes) {
            String[] parts = key.split(" ", 2);
            routes.put(key, new Route(parts[0], parts[1], variables(parts[1]), Map.of(), bodies.containsKey(key)));
        }
        return List.copyOf(routes.values());
    }

    /** Runs the tries on every route; fails with every 5xx (or unanswered) request, each with how to send it again. */
    public void run() {
        List<String> problems = new ArrayList<>(undeclared());
        if (!problems.isEmpty()) {
            throw new AssertionError("hostile input: the route table is out of date:\n" + String.join("\n", problems));
        }
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        System.out.printf("hostile input: seed %d (re-run with -Dhostile.seed=%d)%n", SEED, SEED);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int failed = 0;
        for (Route route : routes()) {
            if (skipped.containsKey(route.key())) {
                System.out.printf("hostile input: %s skipped: %s%n", route.key(), skipped.get(route.key()));
                continue;
            }
            long started = System.nanoTime();
            int tries = tries(route);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < tries; i++) {
                Sent sent = attempt(route, i, port);
                statuses.merge(sent.status, 1, Integer::sum);
                if (sent.status >= 500 || sent.status < 100) {
                    failed++;
                    // one example per route and answer, so that a single bug does not drown the others
                    String signature = route.key() + " → " + sent.status + " " + abbreviateBody(sent.response, 120);
                    failures.computeIfAbsent(signature, k -> new ArrayList<>()).add(sent.reproduction(route, i));
                }
            }
            System.out.printf("hostile input: %s: %d tries in %d ms, answers %s%n", route.key(), tries,
                    (System.nanoTime() - started) / 1_000_000, statuses);
        }
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder("hostile input: " + failed + " requests got a 5xx or no answer"
                    + " (seed " + SEED + ", re-run with -Dhostile.seed=" + SEED + "):\n");
            failures.forEach((signature, examples) -> message.append("\n== ").append(signature).append(" (")
                    .append(examples.size()).append("×), e.g.\n").append(examples.get(0)).append('\n'));
            throw new AssertionError(message.toString());
        }
    }

    private List<String> undeclared() {
        List<String> problems = new ArrayList<>();
        List<Route> routes = routes();
        for (Route r : routes) {
            if (r.takesBody() && !bodies.containsKey(r.key()) && !skipped.containsKey(r.key())) {
                problems.add("no sample body for " + r.key() + ": add .body(\"" + r.key() + "\", \"{…}\")");
            }
        }
        Set<String> keys = new TreeSet<>();
        routes.forEach(r -> keys.add(r.key()));
        for (String declared : new ArrayList<>(List.copyOf(bodies.keySet()))) {
            if (!keys.contains(declared)) {
                problems.add("sample body for a route the service does not have: " + declared);
            }
        }
        for (String predicate : functionPredicates()) {
            boolean declared = functionRoutes.stream().anyMatch(key -> {
                String[] parts = key.split(" ", 2);
                return predicate.contains(parts[0]) && predicate.contains(parts[1]);
            });
            if (!declared) {
                problems.add("functional route " + predicate + " is not declared: add .functionRoute(\"GET /…\")");
            }
        }
        return problems;
    }

    private int tries(Route route) {
        int tries = TRIES != null ? TRIES : publicRoutes.contains(route.key()) ? 200 : 60;
        boolean nothingToVary = route.variables().isEmpty() && route.params().isEmpty()
                && !bodies.containsKey(route.key());
        return nothingToVary ? Math.min(tries, 20) : tries;
    }

    /** Try 0 is the valid request itself; every other try is a variant drawn from its own Random. */
    private Sent attempt(Route route, int attempt, int port) {
        Random random = new Random(SEED * 31 + route.key().hashCode() * 1_000_003L + attempt);
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : route.variables()) {
            vars.put(v, pathValues.containsKey(v) ? pathValues.get(v).get() : "1");
        }
        List<String[]> query = new ArrayList<>();
        route.params().forEach((name, required) -> {
            if (required || paramValues.containsKey(name)) {
                query.add(new String[] {name, paramValues.getOrDefault(name, "1")});
            }
        });
        Map<String, String> sentHeaders = new LinkedHashMap<>();
        sentHeaders.putAll(headers.getOrDefault("*", Map.of()));
        sentHeaders.putAll(headers.getOrDefault(route.key(), Map.of()));
        String token = publicRoutes.contains(route.key()) ? null : bearer.apply(route);
        if (token != null) {
            sentHeaders.put("Authorization", "Bearer " + token);
        }
        List<String> samples = bodies.get(route.key());
        long unique = 1_000_000_000L + Math.floorMod(SEED * 1_000_003L + route.key().hashCode() * 7919L + attempt,
                8_000_000_000L);
        String sample = samples == null ? null
                : samples.get(random.nextInt(samples.size())).replace("{{n}}", Long.toString(unique));
        HostileInput.Body body = sample == null ? new HostileInput.Body(null, null, "no body")
                : new HostileInput.Body(sample.getBytes(StandardCharsets.UTF_8), "application/json", "valid body");
        List<String> done = new ArrayList<>();
        if (attempt > 0) {
            List<String> targets = new ArrayList<>();
            if (sample != null) {
                targets.add("body");
                targets.add("body");
            }
            route.variables().forEach(v -> targets.add("var:" + v));
            route.params().keySet().forEach(p -> targets.add("param:" + p));
            if (targets.isEmpty()) {
                targets.add("junk-body");
            }
            if (token != null && random.nextInt(10) == 0) {
                targets.add("auth");
            }
            int changes = random.nextInt(4) == 0 ? 2 : 1;
            for (int c = 0; c < changes; c++) {
                String target = targets.get(random.nextInt(targets.size()));
                if (target.equals("body")) {
                    body = HostileInput.body(random, sample);
                    done.removeIf(d -> d.startsWith("body: "));
                    done.add("body: " + body.description());
                } else if (target.equals("junk-body")) {
                    body = HostileInput.body(random, "{\"a\":\"b\",\"n\":[1,2]}");
                    done.add("unexpected body: " + body.description());
                } else if (target.startsWith("var:")) {
                    String v = target.substring(4);
                    String value = HostileInput.value(random, vars.get(v));
                    vars.put(v, value);
                    done.add("path variable " + v + " = «" + HostileInput.abbreviate(value) + "» (" + value.length()
                            + " chars)");
                } else if (target.startsWith("param:")) {
                    String p = target.substring(6);
                    query.removeIf(q -> q[0].equals(p));
                    String value = HostileInput.value(random, paramValues.get(p));
                    query.add(new String[] {p, value});
                    if (random.nextInt(5) == 0) {
                        query.add(new String[] {p, HostileInput.value(random, paramValues.get(p))});
                    }
                    done.add("query parameter " + p + " = «" + HostileInput.abbreviate(value) + "»");
                } else {
                    String bad = switch (random.nextInt(4)) {
                        case 0 -> "Bearer " + token + "x";
                        case 1 -> "Bearer ";
                        case 2 -> "Basic YWRtaW46YWRtaW4=";
                        // header values must be visible ASCII, or the request cannot be sent at all
                        default -> "Bearer " + HostileInput.value(random, "eyJhbGciOiJSUzI1NiJ9.e30.x")
                                .replaceAll("[^\\x21-\\x7e]", "~");
                    };
                    sentHeaders.put("Authorization", bad);
                    done.add("Authorization: " + HostileInput.abbreviate(bad));
                }
            }
        }
        String path = expand(route.pattern(), vars);
        StringBuilder q = new StringBuilder();
        for (String[] p : query) {
            q.append(q.isEmpty() ? "?" : "&").append(percentEncoded(p[0])).append('=').append(percentEncoded(p[1]));
        }
        String target = path + q;
        Sent sent = new Sent(route.method(), target, sentHeaders, body, done);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                    .timeout(Duration.ofSeconds(30))
                    .method(route.method(), body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            sentHeaders.forEach(request::header);
            if (body.contentType() != null) {
                request.header("Content-Type", body.contentType());
            }
            HttpRequest built = request.build();
            send(http, built, sent);
            if (sent.status == 0) {
                // A hostile request may make the server close the connection (414, 413, 400 from the decoder); the
                // JDK client can then lose the next exchange on it. The same request on a connection of its own
                // tells a transport hiccup from a server that really gives no answer.
                String first = sent.response;
                try (HttpClient fresh = newClient()) {
                    send(fresh, built, sent);
                }
                System.out.printf("hostile input: %s try %d: %s; on a fresh connection: %d%n", route.key(), attempt,
                        first, sent.status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return sent;
    }

    private static void send(HttpClient client, HttpRequest request, Sent sent) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            sent.status = response.statusCode();
            sent.response = new String(response.body(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            sent.status = 0;
            sent.response = "no answer: " + e;
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** One request as sent, and its answer. */
    private static final class Sent {
        final String method;
        final String target;
        final Map<String, String> headers;
        final HostileInput.Body body;
        final List<String> mutations;
        int status;
        String response;

        Sent(String method, String target, Map<String, String> headers, HostileInput.Body body,
             List<String> mutations) {
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.body = body;
            this.mutations = mutations;
        }

        String reproduction(Route route, int attempt) {
            StringBuilder out = new StringBuilder();
            out.append("  route ").append(route.key()).append(", try ").append(attempt).append(", seed ").append(SEED)
                    .append(" (-Dhostile.seed=").append(SEED).append(")\n");
            out.append("  mutations: ").append(mutations.isEmpty() ? "none (the valid request)" : mutations)
                    .append('\n');
            out.append("  ").append(method).append(' ').append(abbreviateBody(target, 600)).append('\n');
            headers.forEach((name, value) -> out.append("  ").append(name).append(": ")
                    .append(name.equals("Authorization") && value.length() > 60 ? value.substring(0, 40) + "…"
                            : value).append('\n'));
            if (body.contentType() != null) {
                out.append("  Content-Type: ").append(body.contentType()).append('\n');
            }
            if (body.bytes() != null) {
                out.append("  body (").append(body.bytes().length).append(" bytes, Java string): \"")
                        .append(javaString(body.bytes(), 2000)).append("\"\n");
            }
            out.append("  answer ").append(status).append(": ").append(abbreviateBody(response, 500));
            return out.toString();
        }
    }

    private Route describe(String method, String pattern, HandlerMethod handler) {
        Map<String, Boolean> params = new LinkedHashMap<>();
        boolean takesBody = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : p.getParameterName();
                params.put(name, rp.required() && ValueConstants.DEFAULT_NONE.equals(rp.defaultValue())
                        && p.getParameterType() != Optional.class);
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                takesBody = true;
            } else if (p.getParameterAnnotations().length == 0 && p.getParameterType().isRecord()
                    && !NOT_QUERY.contains(p.getParameterType().getName())) {
                // a record bound from the query string, field by field
                for (var component : p.getParameterType().getRecordComponents()) {
                    params.put(component.getName(), false);
                }
            } else if (p.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(p.getParameterType())
                    && !p.hasParameterAnnotation(PathVariable.class)) {
                params.put(p.getParameterName(), false);
            }
        }
        return new Route(method, pattern, variables(pattern), params, takesBody);
    }

    private static List<String> variables(String pattern) {
        List<String> vars = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    private static String expand(String pattern, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(percentEncoded(vars.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every byte but the unreserved ones percent-encoded (a lone surrogate, not being UTF-8, becomes "?"). */
    private static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** The predicates of the service's functional routes, as text ("(GET && /simulator)"). */
    private List<String> functionPredicates() {
        List<String> predicates = new ArrayList<>();
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> function = mapping.getRouterFunction();
            if (function == null) {
                continue;
            }
            function.accept(new RouterFunctions.Visitor() {
                @Override
                public void startNested(RequestPredicate predicate) {
                }

                @Override
                public void endNested(RequestPredicate predicate) {
                }

                @Override
                public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
                    predicates.add(predicate.toString());
                }

                @Override
                public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
                }

                @Override
                public void attributes(Map<String, Object> attributes) {
                }

                @Override
                public void unknown(RouterFunction<?> routerFunction) {
                }
            });
        }
        return predicates;
    }

    private static String abbreviateBody(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder();
        s.chars().forEach(c -> escaped.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        String one = escaped.toString();
        return one.length() <= max ? one : one.substring(0, max) + "… (" + s.length() + " chars)";
    }

    /** The bytes as a Java string literal's content (UTF-8 where valid, escapes elsewhere), cut at {@code max}. */
    private static String javaString(byte[] bytes, int max) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean valid = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
        StringBuilder out = new StringBuilder();
        if (!valid) {
            for (byte b : bytes) {
                if (out.length() >= max) {
                    break;
                }
                int c = b & 0xff;
                out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf((char) c)
                        : String.format("\\u%04x", c));
            }
            out.insert(0, "[not UTF-8; bytes as chars] ");
        } else {
            text.chars().forEach(c -> {
                if (out.length() < max) {
                    boolean escaped = c < 0x20 || c == 0x7f || Character.isSurrogate((char) c);
                    out.append(c == '"' ? "\\\"" : c == '\\' ? "\\\\"
                            : escaped ? String.format("\\u%04x", c) : String.valueOf((char) c));
                }
            });
        }
        return out.length() >= max ? out + "…" : out.toString();
    }
}
