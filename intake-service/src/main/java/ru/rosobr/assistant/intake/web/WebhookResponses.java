package ru.rosobr.assistant.intake.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Shared by the platform webhooks: the secret comparison and the error answers. */
public final class WebhookResponses {

    private WebhookResponses() {
    }

    /** Constant-time comparison, so that the secret cannot be guessed by timing. Null or empty never matches. */
    public static boolean secretMatches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    public static <T> ResponseEntity<T> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        @SuppressWarnings("unchecked")
        ResponseEntity<T> response = (ResponseEntity<T>) ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        return response;
    }
}
