package ru.rosobr.assistant.intake.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake VK API: {@code POST /messages.send} and {@code POST /messages.sendMessageEventAnswer} with form
 * parameters, answering {@code {"response": …}} or {@code {"error": {"error_code", "error_msg"}}} as VK does. Like
 * VK, it shows a message once per {@code random_id} and peer: a repeated random_id returns the same message id.
 */
public final class FakeVkApi extends FakeHttp {

    public static final String TOKEN = "vk-test-token";
    private static final FakeVkApi INSTANCE = new FakeVkApi();

    /** A message the user saw. */
    public record Shown(String peerId, String randomId, String text, String keyboard, long messageId) {
    }

    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Long> byRandomId = new ConcurrentHashMap<>();
    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    public static FakeVkApi get() {
        return INSTANCE;
    }

    /**
     * Sends whose text contains {@code marker} fail with these answers, one per request: a VK error code (e.g. 10,
     * internal server error) or, from 400 on, an HTTP status.
     */
    public void failNext(String marker, Integer... failures) {
        scripts.put(marker, new ArrayDeque<>(List.of(failures)));
    }

    public List<Shown> shownTo(String peerId) {
        return shown.stream().filter(s -> s.peerId().equals(peerId)).toList();
    }

    public List<Map<String, String>> sends(String peerId) {
        return requests.stream().filter(r -> r.path().equals("/messages.send"))
                .map(r -> decode(r.body())).filter(f -> peerId.equals(f.get("peer_id"))).toList();
    }

    public List<Map<String, String>> eventAnswers(String eventId) {
        return requests.stream().filter(r -> r.path().equals("/messages.sendMessageEventAnswer"))
                .map(r -> decode(r.body())).filter(f -> eventId.equals(f.get("event_id"))).toList();
    }

    @Override
    protected Answer answer(Request r) {
        Map<String, String> form = decode(r.body());
        if (!TOKEN.equals(form.get("access_token"))) {
            return error(5, "User authorization failed: invalid access_token");
        }
        if (form.get("v") == null) {
            return error(8, "Invalid request: v is required");
        }
        return switch (r.path()) {
            case "/messages.send" -> send(form);
            case "/messages.sendMessageEventAnswer" -> Answer.json(200, "{\"response\":1}");
            default -> error(3, "Unknown method passed");
        };
    }

    private Answer send(Map<String, String> form) {
        String text = form.getOrDefault("message", "");
        for (var script : scripts.entrySet()) {
            if (text.contains(script.getKey())) {
                Integer failure = script.getValue().poll();
                if (failure != null) {
                    return failure >= 400 ? Answer.json(failure, "Service Unavailable")
                            : error(failure, "scripted error " + failure);
                }
            }
        }
        String peer = form.get("peer_id");
        String randomId = form.get("random_id");
        if (peer == null || randomId == null) {
            return error(100, "One of the parameters specified was missing or invalid: peer_id, random_id");
        }
        Long existing = byRandomId.get(peer + "#" + randomId);
        if (existing != null) {
            return Answer.json(200, "{\"response\":" + existing + "}");
        }
        long id = ids.incrementAndGet();
        byRandomId.put(peer + "#" + randomId, id);
        shown.add(new Shown(peer, randomId, text, form.get("keyboard"), id));
        return Answer.json(200, "{\"response\":" + id + "}");
    }

    private static Answer error(int code, String message) {
        return Answer.json(200, "{\"error\":{\"error_code\":" + code + ",\"error_msg\":\"" + message + "\"}}");
    }
}
