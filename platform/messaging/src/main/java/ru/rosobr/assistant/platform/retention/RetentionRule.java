package ru.rosobr.assistant.platform.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How long rows of one table are kept: rows whose {@code timeColumn} is older than {@code retention} (and that match
 * {@code condition}, e.g. only processed updates) are deleted by {@link RetentionPurge}. A service declares its
 * tables as beans; the platform adds its own ({@code processed_events}, {@code dead_letters}).
 */
public record RetentionRule(String table, String timeColumn, String condition, Duration retention) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public RetentionRule {
        Objects.requireNonNull(retention, "retention");
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(timeColumn).matches()) {
            throw new IllegalArgumentException("not a plain table/column name: " + table + "." + timeColumn);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention of " + table + " must be positive");
        }
    }

    public static RetentionRule of(String table, String timeColumn, Duration retention) {
        return new RetentionRule(table, timeColumn, null, retention);
    }
}
