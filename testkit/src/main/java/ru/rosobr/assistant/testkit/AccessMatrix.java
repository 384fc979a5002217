package ru.rosobr.assistant.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * The authorisation matrix of one service: a declarative table (route → who may call it) checked against the routes
 * the running application really maps, then played against it with no token, a forged token and a token of every
 * role in the own and in another region. The same table renders as the Markdown «Матрица доступа» of the service's
 * README, so the documentation cannot drift from what the test proves.
 */
public final class AccessMatrix {

    /** The console roles (the names of operator-service's {@code Role}; the JWT carries them as strings). */
    public enum Role {
        OPERATOR(true), REGIONAL_HEAD(true), FEDERAL(false), KB_EDITOR(false), ADMIN(false);

        private final boolean regional;

        Role(boolean regional) {
            this.regional = regional;
        }

        public boolean regional() {
            return regional;
        }
    }

    /** What a role may do on a route. */
    public enum Grant { DENIED, ALLOWED, OWN_REGION }

    public static final String HEADING = "## Матрица доступа";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String service;
    private final String ownRegion;
    private final String otherRegion;
    private final Map<String, Supplier<String>> vars = new LinkedHashMap<>();
    private final List<String> foreignMarkers = new ArrayList<>();
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    /**
     * @param ownRegion the region the seeded data belongs to (regional users of it are "own")
     * @param otherRegion the region of the regional users that must not see that data
     */
    public AccessMatrix(String service, String ownRegion, String otherRegion) {
        this.service = service;
        this.ownRegion = ownRegion;
        this.otherRegion = otherRegion;
    }

    /** A value for a path variable on every route that has it (a rule's own {@link Rule#var} wins). */
    public AccessMatrix var(String name, Supplier<String> value) {
        vars.put(name, value);
        return this;
    }

    /**
     * Strings that identify the seeded data of the own region: none of them may appear in a successful answer to a
     * user of the other region on a region-scoped route.
     */
    public AccessMatrix ownRegionData(String... markers) {
        foreignMarkers.addAll(Arrays.asList(markers));
        return this;
    }

    /**
     * The actuator endpoints every service exposes (health, info, prometheus), open as the platform sets them: for
     * the orchestrator's probes and Prometheus on the internal network; the gateway does not route them.
     */
    public AccessMatrix actuator() {
        return actuator(true, "служебный, шлюз не проксирует");
    }

    /**
     * As {@link #actuator()}; {@code indexOpen} false: the links page {@code /actuator} is refused to everybody;
     * {@code note} for the README.
     */
    public AccessMatrix actuator(boolean indexOpen, String note) {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/{*path}", "/actuator/info",
                "/actuator/prometheus")) {
            Rule rule = route("GET " + path).var("path", () -> "liveness");
            if (indexOpen || !path.equals("/actuator")) {
                rule.open().note(note);
            }
        }
        return this;
    }

    /**
     * The OpenAPI description ({@code /v3/api-docs}, springdoc), in a service that describes its API: switched on in
     * the tests' context only, for administrators only (platform-security's {@code ApiSecurity}).
     */
    public AccessMatrix apiDocs() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml")) {
            route("GET " + path).allow(Role.ADMIN)
                    .note("описание API (OpenAPI): в работе выключено, шлюз не проксирует");
        }
        return this;
    }

    /** A route ({@code "GET /api/x/{id}"}, the pattern as the application maps it); denied to all until granted. */
    public Rule route(String methodAndPattern) {
        Rule rule = new Rule(methodAndPattern);
        if (rules.putIfAbsent(rule.key(), rule) != null) {
            throw new IllegalArgumentException("route declared twice: " + rule.key());
        }
        return rule;
    }

    public final class Rule {
        private final String method;
        private final String pattern;
        private boolean isPublic;
        private final Map<Role, Grant> grants = new EnumMap<>(Role.class);
        private final Map<String, Supplier<String>> ownVars = new LinkedHashMap<>();
        private String query = "";
        private Supplier<Object> body;
        private MediaType contentType = MediaType.APPLICATION_JSON;
        private boolean listsOwnRegionData;
        private boolean streaming;
        private String note = "";
        private Supplier<Object> provenBody;
        private String proofHeader;
        private String proofValue;

        private Rule(String methodAndPattern) {
            String[] parts = methodAndPattern.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected \"METHOD /pattern\": " + methodAndPattern);
            }
            this.method = parts[0];
            this.pattern = parts[1];
            for (Role r : Role.values()) {
                grants.put(r, Grant.DENIED);
            }
        }

        String key() {
            return method + " " + pattern;
        }

        /** Anybody, without a token. */
        public Rule open() {
            isPublic = true;
            for (Role r : Role.values()) {
                grants.put(r, Grant.ALLOWED);
            }
            return this;
        }

        /** These roles, in every region. */
        public Rule allow(Role... roles) {
            for (Role r : roles) {
                grants.put(r, Grant.ALLOWED);
            }
            return this;
        }

        /** Every role with a valid token. */
        public Rule anyRole() {
            return allow(Role.values());
        }

        /** These (regional) roles, but only for the data of their own region. */
        public Rule ownRegion(Role... roles) {
            for (Role r : roles) {
                if (!r.regional()) {
                    throw new IllegalArgumentException(r + " is not bound to a region");
                }
                grants.put(r, Grant.OWN_REGION);
            }
            return this;
        }

        public Rule var(String name, Supplier<String> value) {
            ownVars.put(name, value);
            return this;
        }

        /** The query string to call with, without the {@code ?}. */
        public Rule query(String query) {
            this.query = query;
            return this;
        }

        public Rule body(Supplier<Object> body) {
            this.body = body;
            return this;
        }

        public Rule body(Object body) {
            return body(() -> body);
        }

        public Rule contentType(MediaType type) {
            this.contentType = type;
            return this;
        }

        /**
         * A list of region-scoped data: the own region's answer must contain the seeded data (proof that the other
         * region's empty answer is a filter, not an empty table).
         */
        public Rule listsOwnRegionData() {
            this.listsOwnRegionData = true;
            return this;
        }

        /**
         * A webhook: needs no token, but a secret of the platform's. Every call the matrix makes with the rule's
         * {@link #body} (which lacks the secret, or has a wrong one) must be refused with 401/403, whatever token it
         * carries; one call with the secret (a header, or in {@code provenBody}) must not be.
         */
        public Rule webhook(String proofHeader, String proofValue, Supplier<Object> provenBody) {
            this.proofHeader = proofHeader;
            this.proofValue = proofValue;
            this.provenBody = provenBody;
            return this;
        }

        /** An endless response (server-sent events): only the status is read. */
        public Rule streaming() {
            this.streaming = true;
            return this;
        }

        /** A remark for the README column «Примечание» (Russian). */
        public Rule note(String note) {
            this.note = note;
            return this;
        }

        /** Back to the matrix, to declare the next route. */
        public AccessMatrix and() {
            return AccessMatrix.this;
        }

        /** Declares the next route (shorthand for {@code and().route(...)}). */
        public Rule route(String methodAndPattern) {
            return AccessMatrix.this.route(methodAndPattern);
        }

        boolean regionScoped() {
            return grants.containsValue(Grant.OWN_REGION);
        }
    }

    // ---- the routes of the running application

    /** Every {@code METHOD /pattern} the application maps: annotated controllers, actuator, router functions. */
    public static Set<String> mappedRoutes(ApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern p : info.getPatternsCondition().getPatterns()) {
                    if (methods.isEmpty()) {
                        routes.add("ANY " + p.getPatternString());
                    }
                    for (RequestMethod m : methods) {
                        routes.add(m.name() + " " + p.getPatternString());
                    }
                }
            }
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> functions = mapping.getRouterFunction();
            if (functions != null) {
                functions.accept(new RouteCollector(routes));
            }
        }
        return routes;
    }

    /** Flattens router functions: each route's methods × paths (an {@code or} of two predicates gives both). */
    private static final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {
        private final Set<String> routes;
        private final List<String> prefixes = new ArrayList<>(List.of(""));
        private List<String> methods = new ArrayList<>();
        private List<String> paths = new ArrayList<>();
        private List<String[]> pairs = new ArrayList<>();

        RouteCollector(Set<String> routes) {
            this.routes = routes;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            prefixes.add(prefixes.getLast());
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.removeLast();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            methods = new ArrayList<>();
            paths = new ArrayList<>();
            pairs = new ArrayList<>();
            predicate.accept(this);
            flush();
            for (String[] p : pairs) {
                routes.add(p[0] + " " + prefixes.getLast() + p[1]);
            }
        }

        private void flush() {
            if (!paths.isEmpty()) {
                for (String path : paths) {
                    if (methods.isEmpty()) {
                        pairs.add(new String[] {"ANY", path});
                    }
                    for (String m : methods) {
                        pairs.add(new String[] {m, path});
                    }
                }
            }
            methods = new ArrayList<>();
            paths = new ArrayList<>();
        }

        @Override
        public void resources(java.util.function.Function<ServerRequest, Mono<org.springframework.core.io.Resource>>
                                      lookup) {
            routes.add("GET " + prefixes.getLast() + "/** (resources)");
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            routes.add("? " + routerFunction);
        }

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(m -> methods.add(m.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
            flush();
        }

        @Override
        public void endOr() {
            flush();
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }

    // ---- playing the matrix

    /**
     * Checks that the table and the application's routes are the same set, then calls every route as every caller;
     * returns the failures (empty when the service keeps the matrix), one line each.
     */
    public List<String> verify(ApplicationContext context, WebTestClient web) {
        List<String> failures = new ArrayList<>();
        Set<String> mapped = mappedRoutes(context);
        for (String route : mapped) {
            if (!rules.containsKey(route)) {
                failures.add("route without an entry in the matrix: " + route);
            }
        }
        for (String route : rules.keySet()) {
            if (!mapped.contains(route)) {
                failures.add("matrix entry for a route the service does not map: " + route);
            }
        }
        if (!failures.isEmpty()) {
            failures.add("mapped routes: " + mapped);
            return failures;
        }
        WebTestClient client = web.mutate().responseTimeout(TIMEOUT).build();
        for (Rule rule : rules.values()) {
            play(client, rule, failures);
        }
        return failures;
    }

    private void play(WebTestClient web, Rule rule, List<String> failures) {
        String uri = uri(rule);
        if (rule.provenBody != null) {
            playWebhook(web, rule, uri, failures);
            return;
        }
        // no token, a forged token: a protected route never gets past authentication
        Call anonymous = call(web, rule, uri, null);
        if (rule.isPublic) {
            expectAllowed(rule, "no token", anonymous, failures);
        } else if (anonymous.status != 401) {
            failures.add(rule.key() + " without a token: expected 401, got " + anonymous.status);
        }
        if (!rule.isPublic) {
            // the same route spelt otherwise must not slip past the access rules
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            String query = uri.substring(path.length());
            for (String variant : List.of(path + "/" + query,
                    path.replaceFirst("^(/[^/]+)/", "$1//") + query, path + ";x=1" + query)) {
                Call spelt = call(web, rule, variant, null);
                if (spelt.status < 400 || spelt.status >= 500) {
                    failures.add(rule.key() + " as " + variant + " without a token: expected 4xx, got "
                            + spelt.status);
                }
            }
        }
        Call forged = call(web, rule, uri, TestJwt.foreignToken("authz-admin", List.of("ADMIN"), null));
        if (!rule.isPublic && forged.status != 401) {
            failures.add(rule.key() + " with a token of a foreign key: expected 401, got " + forged.status);
        } else if (forged.status >= 500 && forged.status != 503) {
            failures.add(rule.key() + " with a token of a foreign key: " + forged.status);
        }
        // the other region first, so that the own region's writes cannot hide a leak; then a regional role whose
        // token lacks the region claim, which must not fall back to "every region"
        for (Role role : Role.values()) {
            if (role.regional()) {
                callAs(web, rule, uri, role, otherRegion, false, failures);
                callAs(web, rule, uri, role, null, false, failures);
            }
        }
        for (Role role : Role.values()) {
            callAs(web, rule, uri, role, role.regional() ? ownRegion : null, true, failures);
        }
    }

    private void playWebhook(WebTestClient web, Rule rule, String uri, List<String> failures) {
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        for (Role role : Role.values()) {
            tokens.add(TestJwt.token("authz-" + role.name().toLowerCase(), List.of(role.name()),
                    role.regional() ? ownRegion : null));
        }
        for (String token : tokens) {
            Call call = call(web, rule, uri, token, rule.body, null);
            if (call.status != 401 && call.status != 403) {
                failures.add(rule.key() + " without the webhook secret" + (token == null ? "" : ", with a token")
                        + ": expected 401/403, got " + call.status);
            }
        }
        expectAllowed(rule, "the webhook secret", call(web, rule, uri, null, rule.provenBody, rule.proofHeader),
                failures);
    }

    private void callAs(WebTestClient web, Rule rule, String uri, Role role, String region, boolean own,
                        List<String> failures) {
        String who = role + (region != null ? " of region " + region
                : role.regional() ? " without a region claim" : "");
        Call call = call(web, rule, uri, TestJwt.token("authz-" + role.name().toLowerCase() + (region == null ? ""
                : "-" + region), List.of(role.name()), region));
        Grant grant = rule.grants.get(role);
        if (grant == Grant.DENIED) {
            if (call.status != 401 && call.status != 403) {
                failures.add(rule.key() + " as " + who + ": expected 401/403, got " + call.status);
            }
            return;
        }
        boolean regionless = region == null && role.regional();
        if (regionless && !rule.regionScoped()) {
            // a regional role without its region is an anomaly: refusing it is fine, failing on it is not
            if (call.status >= 500 && call.status != 503) {
                failures.add(rule.key() + " as " + who + ": server error " + call.status + " " + call.body);
            }
            return;
        }
        // on region-scoped data a token without a region must fare no better than one of another region
        if ((grant == Grant.OWN_REGION || regionless) && !own) {
            if (call.status >= 500 && call.status != 503) {
                failures.add(rule.key() + " as " + who + ": server error " + call.status + " " + call.body);
            } else if (call.status < 300 && !rule.method.equals("GET")) {
                // a change to the own region's data: refused, whatever the answer would show
                failures.add(rule.key() + " as " + who + ": a change to region " + ownRegion + "'s data went through ("
                        + call.status + ")");
            } else if (call.status < 300) {
                for (String marker : foreignMarkers) {
                    if (call.body.contains(marker)) {
                        failures.add(rule.key() + " as " + who + ": shows region " + ownRegion + "'s " + marker);
                        break;
                    }
                }
            }
            return;
        }
        expectAllowed(rule, who, call, failures);
        if (rule.listsOwnRegionData && own && role.regional()
                && foreignMarkers.stream().noneMatch(call.body::contains)) {
            failures.add(rule.key() + " as " + who + ": the own region's seeded data is missing (status "
                    + call.status + "), so the other region's empty answer proves nothing");
        }
    }

    private static void expectAllowed(Rule rule, String who, Call call, List<String> failures) {
        if (call.status == 401 || call.status == 403) {
            failures.add(rule.key() + " as " + who + ": allowed, but got " + call.status + " " + call.body);
        } else if (call.status >= 500 && call.status != 503) {
            failures.add(rule.key() + " as " + who + ": server error " + call.status + " " + call.body);
        }
    }

    private String uri(Rule rule) {
        Matcher m = Pattern.compile("\\{\\*?([^}:]+)[^}]*}").matcher(rule.pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Supplier<String> value = rule.ownVars.getOrDefault(m.group(1), vars.get(m.group(1)));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} of " + rule.key());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        String path = out.toString().replace("/**", "/x");
        return rule.query.isEmpty() ? path : path + "?" + rule.query;
    }

    private record Call(int status, String body) {
    }

    private static Call call(WebTestClient web, Rule rule, String uri, String token) {
        return call(web, rule, uri, token, rule.body, null);
    }

    private static Call call(WebTestClient web, Rule rule, String uri, String token, Supplier<Object> body,
                             String proofHeader) {
        HttpMethod method = rule.method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(rule.method);
        WebTestClient.RequestBodySpec spec = web.method(method).uri(uri);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        if (proofHeader != null) {
            spec.header(proofHeader, rule.proofValue);
        }
        WebTestClient.RequestHeadersSpec<?> request = spec;
        if (body != null) {
            request = spec.contentType(rule.contentType).bodyValue(body.get());
        } else if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            request = spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        FluxExchangeResult<byte[]> result = request.exchange().returnResult(byte[].class);
        int status = result.getStatus().value();
        if (rule.streaming && status < 300) {
            return new Call(status, "");
        }
        List<byte[]> chunks = result.getResponseBody().collectList().block(TIMEOUT);
        StringBuilder text = new StringBuilder();
        if (chunks != null) {
            chunks.forEach(c -> text.append(new String(c, StandardCharsets.UTF_8)));
        }
        return new Call(status, text.toString());
    }

    /** Writes the table ({@link #write}), plays the matrix ({@link #verify}) and fails listing every breach. */
    public void assertKeptBy(ApplicationContext context, WebTestClient web) {
        write();
        List<String> failures = verify(context, web);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " нарушений матрицы доступа:\n"
                    + String.join("\n", failures));
        }
    }

    /** Writes the table and fails, printing it, unless the README's section {@value #HEADING} has exactly it. */
    public void assertShownIn(Path readme) {
        write();
        if (!markdown().equals(readmeTable(readme))) {
            throw new AssertionError("В " + readme + " раздел «Матрица доступа» должен содержать ровно эту таблицу:\n"
                    + markdown());
        }
    }

    // ---- the Markdown table

    /** The matrix as the Markdown table of the README section {@value #HEADING}. */
    public String markdown() {
        boolean notes = rules.values().stream().anyMatch(r -> !r.note.isEmpty());
        StringBuilder md = new StringBuilder("| Маршрут | Без токена");
        for (Role r : Role.values()) {
            md.append(" | ").append(r.name());
        }
        md.append(notes ? " | Примечание |\n" : " |\n").append("|---|---");
        md.append("|---".repeat(Role.values().length)).append(notes ? "|---|\n" : "|\n");
        List<Rule> sorted = rules.values().stream()
                .sorted((a, b) -> a.pattern.equals(b.pattern) ? a.method.compareTo(b.method)
                        : a.pattern.compareTo(b.pattern))
                .toList();
        for (Rule rule : sorted) {
            md.append("| `").append(rule.method.equals("ANY") ? "*" : rule.method).append(' ')
                    .append(rule.pattern.replace("|", "\\|")).append("` | ");
            if (rule.provenBody != null) {
                md.append("с секретом").append(" | с секретом".repeat(Role.values().length));
                md.append(notes ? " | " + rule.note + " |\n" : " |\n");
                continue;
            }
            md.append(rule.isPublic ? "✓" : "✗");
            for (Role r : Role.values()) {
                md.append(" | ").append(switch (rule.grants.get(r)) {
                    case ALLOWED -> "✓";
                    case DENIED -> "✗";
                    case OWN_REGION -> "свой регион";
                });
            }
            md.append(notes ? " | " + rule.note + " |\n" : " |\n");
        }
        return md.toString();
    }

    /** Writes the table to {@code target/authz-matrix-<service>.md} (the module's build directory). */
    public Path write() {
        Path out = Path.of("target", "authz-matrix-" + service + ".md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The table of the README's section {@value #HEADING} (its lines that start with {@code |}), or null when the
     * README has no such section.
     */
    public static String readmeTable(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            return null;
        }
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#") && !line.startsWith("###")) {
                break;
            }
            section.add(line);
        }
        return section.stream().filter(l -> l.startsWith("|")).map(l -> l + "\n").collect(Collectors.joining());
    }
}
