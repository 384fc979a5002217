package ru.rosobr.assistant.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens for API tests, signed with the test secret the services are started with. */
public final class TestJwt {

    public static final String SECRET = "test-secret-for-integration-tests-only-0123456789";

    private TestJwt() {
    }

    /** A bearer token for the user with the given roles and region (region may be null). */
    public static String token(String username, List<String> roles, String region) {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{\"sub\":\"").append(username).append("\",\"iat\":").append(now)
                .append(",\"exp\":").append(now + 3600).append(",\"roles\":[");
        for (int i = 0; i < roles.size(); i++) {
            claims.append(i == 0 ? "" : ",").append('"').append(roles.get(i)).append('"');
        }
        claims.append(']');
        if (region != null) {
            claims.append(",\"region\":\"").append(region).append('"');
        }
        claims.append('}');
        String unsigned = header + "." + b64(claims.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
