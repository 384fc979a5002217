package ru.rosobr.assistant.intake.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * A fake MAX platform (Bot API as in the official SDK): {@code POST /messages?user_id=}, {@code GET /messages
 * ?chat_id=&count=} (the bot's dialogs as it recorded them, newest first), {@code POST /answers?callback_id=},
 * {@code POST /subscriptions}, {@code GET /updates?marker=} (long polling). It can be told to fail the messages
 * carrying a marker text with given statuses, to fail the reads of dialogs, or to be down altogether. The dialog
 * with a user is chat {@link Updates#maxDialog}, as in the updates the tests send.
 */
public final class FakeMaxPlatform extends FakeHttp {

    public static final String TOKEN = "max-test-token";
    private static final FakeMaxPlatform INSTANCE = new FakeMaxPlatform();

    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    /** Statuses for the next reads of a dialog ({@code GET /messages}), one per request. */
    private final Deque<Integer> readScript = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** What each dialog shows (chat_id → the bot's messages, oldest first): what the teacher sees. */
    private final Map<Long, List<ObjectNode>> dialogs = new ConcurrentHashMap<>();
    private volatile boolean down;
    private final AtomicLong seq = new AtomicLong();
    /** Every update ever queued; MAX keeps them until a poll's marker moves past them. */
    private final List<JsonNode> updates = new java.util.ArrayList<>();
    private static final long FIRST_MARKER = 1000;
    private long acknowledged = FIRST_MARKER;

    public static FakeMaxPlatform get() {
        return INSTANCE;
    }

    /** Messages whose text contains {@code marker} get these statuses, one per request, before succeeding. */
    public void failNext(String marker, Integer... statuses) {
        scripts.put(marker, new ArrayDeque<>(List.of(statuses)));
    }

    /** The next reads of a dialog get these statuses, one per request, before succeeding. */
    public void failNextReads(Integer... statuses) {
        readScript.clear();
        readScript.addAll(List.of(statuses));
    }

    /**
     * Shows a bot message in the dialog with the user as if the platform had taken it (a request whose answer
     * intake never saw); {@code timestamp} in epoch milliseconds, as MAX has it.
     */
    public void showInDialog(long userId, String text, long timestamp) {
        record(userId, text, timestamp, true);
    }

    /** A message the user wrote in the dialog with the bot (the dialog shows it too). */
    public void userWrote(long userId, String text, long timestamp) {
        record(userId, text, timestamp, false);
    }

    /** The texts the user's dialog shows from the bot, oldest first: what the teacher sees. */
    public List<String> shownTo(long userId) {
        return dialogs.getOrDefault(Updates.maxDialog(userId), List.of()).stream()
                .filter(m -> m.path("sender").path("is_bot").asBoolean(false))
                .map(m -> m.path("body").path("text").asString("")).toList();
    }

    /** How many times the user's dialog shows this exact text. */
    public long timesShown(long userId, String text) {
        return shownTo(userId).stream().filter(text::equals).count();
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    /** An update for the long-polling client. */
    public synchronized void queueUpdate(String json) {
        updates.add(EventCodec.mapper().readTree(json));
        notifyAll();
    }

    /** The marker after the last queued update. */
    public synchronized long marker() {
        return FIRST_MARKER + updates.size();
    }

    /** Requests of the kind, to the user or callback, that the platform accepted (200). */
    public List<Request> accepted(String path, String queryKey, String queryValue) {
        return requests.stream()
                .filter(r -> r.path().equals(path) && queryValue.equals(r.query().get(queryKey)))
                .filter(r -> "200".equals(r.headers().get("x-fake-status")))
                .toList();
    }

    /** Every request of the kind (accepted or not). */
    public List<Request> all(String path, String queryKey, String queryValue) {
        return requests.stream()
                .filter(r -> r.path().equals(path) && queryValue.equals(r.query().get(queryKey)))
                .toList();
    }

    public List<Request> acceptedMessagesTo(String userId) {
        return accepted("/messages", "user_id", userId);
    }

    @Override
    protected Answer answer(Request r) {
        Answer answer = route(r);
        // remember the outcome on the recorded request (the fake's own bookkeeping)
        r.headers().put("x-fake-status", String.valueOf(answer.status()));
        return answer;
    }

    private Answer route(Request r) {
        if (!TOKEN.equals(r.header("Authorization"))) {
            return Answer.json(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}");
        }
        if (r.method().equals("GET") && r.path().equals("/updates")) {
            return poll(r);
        }
        if (down && (r.path().equals("/messages") || r.path().equals("/answers"))) {
            return Answer.json(503, "{\"code\":\"service.unavailable\",\"message\":\"Service unavailable\"}");
        }
        return switch (r.method() + " " + r.path()) {
            case "POST /messages" -> message(r);
            case "GET /messages" -> read(r);
            case "POST /answers", "POST /subscriptions" -> Answer.json(200, "{\"success\":true}");
            default -> Answer.json(404, "{\"code\":\"not.found\",\"message\":\"Not found\"}");
        };
    }

    private Answer message(Request r) {
        JsonNode body = EventCodec.mapper().readTree(r.body());
        String text = body.path("text").asString("");
        for (var script : scripts.entrySet()) {
            if (text.contains(script.getKey())) {
                Integer status = script.getValue().poll();
                if (status != null) {
                    return Answer.json(status, "{\"code\":\"scripted\",\"message\":\"scripted " + status + "\"}");
                }
            }
        }
        ObjectNode message = record(Long.parseLong(r.query().get("user_id")), text, System.currentTimeMillis(), true);
        ObjectNode answer = EventCodec.mapper().createObjectNode();
        answer.set("message", message);
        return Answer.json(200, answer.toString());
    }

    /** A message the dialog with the user shows from now on (SDK {@code Message}), by the bot or by the user. */
    private ObjectNode record(long userId, String text, long timestamp, boolean byBot) {
        long n = seq.incrementAndGet();
        ObjectNode message = EventCodec.mapper().createObjectNode();
        ObjectNode sender = message.putObject("sender");
        sender.put("user_id", byBot ? Updates.BOT_ID : userId);
        sender.put("first_name", byBot ? "Помощник" : "Мария");
        sender.put("is_bot", byBot);
        ObjectNode recipient = message.putObject("recipient");
        recipient.put("chat_id", Updates.maxDialog(userId));
        recipient.put("chat_type", "dialog");
        recipient.put("user_id", byBot ? userId : Updates.BOT_ID);
        message.put("timestamp", timestamp);
        ObjectNode b = message.putObject("body");
        b.put("mid", "mid.fake." + n);
        b.put("seq", n);
        b.put("text", text);
        dialogs.computeIfAbsent(Updates.maxDialog(userId), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(message);
        return message;
    }

    /** {@code GET /messages?chat_id=&count=}: the latest messages of the dialog, newest first. */
    private Answer read(Request r) {
        Integer status = readScript.poll();
        if (status != null) {
            return Answer.json(status, "{\"code\":\"scripted\",\"message\":\"scripted " + status + "\"}");
        }
        String chat = r.query().get("chat_id");
        if (chat == null) {
            return Answer.json(400, "{\"code\":\"proto.payload\",\"message\":\"chat_id or message_ids required\"}");
        }
        int count = Integer.parseInt(r.query().getOrDefault("count", "50"));
        List<ObjectNode> shown = dialogs.getOrDefault(Long.parseLong(chat), List.of());
        ArrayNode list = EventCodec.mapper().createArrayNode();
        for (int i = shown.size() - 1; i >= 0 && list.size() < Math.min(count, 100); i--) {
            list.add(shown.get(i));
        }
        ObjectNode answer = EventCodec.mapper().createObjectNode();
        answer.set("messages", list);
        return Answer.json(200, answer.toString());
    }

    /** Updates after the marker (or after the last acknowledged one), waiting up to {@code timeout} seconds. */
    private synchronized Answer poll(Request r) {
        long timeout = Long.parseLong(r.query().getOrDefault("timeout", "1"));
        String given = r.query().get("marker");
        long from = given == null ? acknowledged : Long.parseLong(given);
        acknowledged = Math.max(acknowledged, from);
        long deadline = System.currentTimeMillis() + timeout * 1000;
        try {
            while (FIRST_MARKER + updates.size() <= from && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ArrayNode list = EventCodec.mapper().createArrayNode();
        for (long i = from; i < FIRST_MARKER + updates.size(); i++) {
            list.add(updates.get((int) (i - FIRST_MARKER)));
        }
        ObjectNode answer = EventCodec.mapper().createObjectNode();
        answer.set("updates", list);
        answer.put("marker", FIRST_MARKER + updates.size());
        return Answer.json(200, answer.toString());
    }
}
