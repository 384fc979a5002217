package ru.rosobr.assistant.operator.appeals;

/**
 * Filters of the appeal list, all optional.
 *
 * @param region only honoured for federal staff and admins; regional staff always get their own region
 */
public record AppealQuery(AppealStatus status, String region, Boolean overdue, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
}
