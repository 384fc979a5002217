package ru.rosobr.assistant.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A knowledge-base entry published while the load runs: an editor (admin) creates and verifies it through the
 * gateway, then every answer-service replica is asked directly ({@code POST /api/answers/preview}) until it matches
 * the new entry. Reports, per replica, the time from the verification's response to the first match.
 */
final class KbCheck {

    /** The outcome for one replica: milliseconds to the first match, or -1 when it never matched in time. */
    record Replica(String url, long millis) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern ENTRY = Pattern.compile("\"entryId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Publishes an entry unique to {@code runId} and waits for each replica in {@code answerUrls} to match it. */
    List<Replica> run(String gateway, List<String> answerUrls, long runId) throws Exception {
        String token = login(gateway);
        // words no starter entry uses, so only the new entry can match its own question
        String question = "Нужно ли педагогу вести журнал проверки аквариума живого уголка номер " + runId + "?";
        String body = "{\"topic\":\"Живой уголок " + runId + "\",\"question\":" + Load.quote(question)
                + ",\"phrasings\":[" + Load.quote("журнал проверки аквариума живого уголка " + runId) + "]"
                + ",\"answer\":\"Нет: такой журнал не входит в перечень обязательной документации педагога.\""
                + ",\"legalBasis\":\"Федеральный закон № 273-ФЗ, ст. 47 ч. 6.1\",\"audience\":[\"SCHOOL\"]}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/kb/entries"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher id = ID.matcher(created.body());
        Matcher version = VERSION.matcher(created.body());
        if (created.statusCode() != 201 || !id.find() || !version.find()) {
            throw new IllegalStateException("запись базы знаний не создана: " + created.statusCode() + " "
                    + created.body());
        }
        HttpResponse<String> verified = send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/kb/entries/" + id.group(1) + "/verify"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version.group(1) + "}")));
        long published = System.nanoTime();
        if (verified.statusCode() != 200) {
            throw new IllegalStateException("запись базы знаний не опубликована: " + verified.statusCode() + " "
                    + verified.body());
        }
        List<Replica> out = new ArrayList<>();
        List<String> waiting = new ArrayList<>(answerUrls);
        long[] at = new long[answerUrls.size()];
        java.util.Arrays.fill(at, -1);
        while (!waiting.isEmpty() && System.nanoTime() - published < WAIT.toNanos()) {
            for (String url : List.copyOf(waiting)) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/api/answers/preview"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + Load.quote(question)
                                + ",\"orgType\":\"SCHOOL\"}")));
                Matcher entry = ENTRY.matcher(r.body());
                if (r.statusCode() == 200 && entry.find() && entry.group(1).equals(id.group(1))) {
                    at[answerUrls.indexOf(url)] = (System.nanoTime() - published) / 1_000_000;
                    waiting.remove(url);
                }
            }
            Thread.sleep(10);
        }
        for (int i = 0; i < answerUrls.size(); i++) {
            out.add(new Replica(answerUrls.get(i), at[i]));
        }
        return out;
    }

    private String login(String gateway) throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"demo\"}")));
        Matcher token = TOKEN.matcher(login.body());
        if (login.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("вход admin не удался: " + login.statusCode() + " " + login.body());
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One line for the report. */
    static String describe(List<Replica> replicas) {
        StringBuilder s = new StringBuilder();
        for (Replica r : replicas) {
            s.append(s.isEmpty() ? "" : "; ").append(r.url()).append(": ")
                    .append(r.millis() < 0 ? "не ответил за " + WAIT.toSeconds() + " с" : r.millis() + " мс");
        }
        return s.toString();
    }
}
