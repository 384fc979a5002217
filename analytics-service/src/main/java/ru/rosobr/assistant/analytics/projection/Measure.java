package ru.rosobr.assistant.analytics.projection;

/**
 * A per-appeal counter of the projection: its column in {@code region_day_stats} and its Prometheus counter. Each
 * counts an appeal at most once (the first event that moves it).
 */
public enum Measure {
    RECEIVED("received", "assistant.appeals.received", null),
    AUTO_ANSWERED("auto_answered", "assistant.appeals.auto.answered", null),
    UNMATCHED("unmatched", "assistant.appeals.unmatched", null),
    HUMAN_REQUESTED("human_requested", "assistant.appeals.human.requested", null),
    ROUTED("routed", "assistant.appeals.routed", null),
    ANSWERED("answered", "assistant.appeals.answered", null),
    OFFTOPIC("offtopic", "assistant.appeals.offtopic", null),
    OVERDUE("overdue", "assistant.appeals.overdue", null),
    ESCALATED("escalated", "assistant.appeals.escalated", null),
    REMINDED("reminders", "assistant.rating.reminders", null),
    AI_CORRECT("ai_correct", "assistant.ai.judged", "correct"),
    AI_PARTIAL("ai_partial", "assistant.ai.judged", "partial"),
    AI_WRONG("ai_wrong", "assistant.ai.judged", "wrong");

    private final String column;
    private final String metric;
    private final String verdict;

    Measure(String column, String metric, String verdict) {
        this.column = column;
        this.metric = metric;
        this.verdict = verdict;
    }

    /** Column name in region_day_stats (a constant, safe to put into SQL). */
    public String column() {
        return column;
    }

    public String metric() {
        return metric;
    }

    /** The verdict tag of the AI-judgement counters, else null. */
    public String verdict() {
        return verdict;
    }

    /** The once-per-appeal guard: all verdicts share one, an appeal's AI answer is counted by its first verdict. */
    public String mark() {
        return verdict != null ? "AI_JUDGED" : name();
    }
}
