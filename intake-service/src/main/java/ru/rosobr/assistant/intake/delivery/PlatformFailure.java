package ru.rosobr.assistant.intake.delivery;

/**
 * A platform refused or did not take a request.
 *
 * @see #retryable()
 */
public class PlatformFailure extends RuntimeException {

    private final boolean retryable;
    private final int status;

    /**
     * @param status    the HTTP status (or the platform's own error code), 0 when there was no answer
     * @param retryable true for overload and outages (429, 5xx, no answer): the same request may pass later;
     *                  false when the request itself is refused (bad request, user blocked the bot)
     */
    public PlatformFailure(String message, int status, boolean retryable) {
        super(message);
        this.status = status;
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public int status() {
        return status;
    }

    /** An HTTP answer: 429 and 5xx may pass later, other statuses will not. */
    public static PlatformFailure ofHttp(String platform, int status, String body) {
        boolean retryable = status == 429 || status >= 500;
        String detail = body == null || body.isBlank() ? "" : ": " + abbreviate(body);
        return new PlatformFailure(platform + " ответил HTTP " + status + detail, status, retryable);
    }

    /** No answer at all (connection refused, timeout). */
    public static PlatformFailure unreachable(String platform, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new PlatformFailure(platform + " недоступен: " + abbreviate(why), 0, true);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }
}
