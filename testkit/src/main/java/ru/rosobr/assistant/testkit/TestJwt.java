package ru.rosobr.assistant.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * Tokens for API tests, signed (RS256) with the test key that operator-service under test is given as its signing
 * key ({@code ASSISTANT_JWT_SIGNING_KEY}); the other services fetch the public half from {@link #jwksUri()}, a real
 * HTTP endpoint on loopback serving a JWK set, as they fetch operator-service's in production.
 */
public final class TestJwt {

    private static final KeyPair KEY = generate();
    /** Another key, which nobody trusts: what a forger (or a service holding the wrong key) would sign with. */
    private static final KeyPair FOREIGN = generate();
    public static final String KID = thumbprint((RSAPublicKey) KEY.getPublic());
    private static volatile String jwksUri;

    private TestJwt() {
    }

    /** A bearer token for the user with the given roles and region (region may be null). */
    public static String token(String username, List<String> roles, String region) {
        return sign(KEY.getPrivate(), KID, claims(username, roles, region, null));
    }

    /** As {@link #token}, with extra raw JSON claims (e.g. {@code "ver":3,"sid":"s1"}). */
    public static String tokenWith(String username, List<String> roles, String region, String extraClaims) {
        return sign(KEY.getPrivate(), KID, claims(username, roles, region, extraClaims));
    }

    /** Looks like a token of the issuer (same key id, same claims) but is signed with a key nobody trusts. */
    public static String foreignToken(String username, List<String> roles, String region) {
        return sign(FOREIGN.getPrivate(), KID, claims(username, roles, region, null));
    }

    /** The PKCS#8 PEM of the test signing key, for operator-service under test. */
    public static String privateKeyPem() {
        return pem("PRIVATE KEY", KEY.getPrivate().getEncoded());
    }

    /** The JWKS endpoint publishing the test key (started on first use, lives as long as the JVM). */
    public static synchronized String jwksUri() {
        if (jwksUri == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return jwksUri;
    }

    /** The JWK set with the test key's public half. */
    public static String jwks() {
        RSAPublicKey pub = (RSAPublicKey) KEY.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}";
    }

    private static String claims(String username, List<String> roles, String region, String extra) {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{\"iss\":\"operator-service\",\"sub\":\"").append(username)
                .append("\",\"iat\":").append(now).append(",\"exp\":").append(now + 3600).append(",\"roles\":[");
        for (int i = 0; i < roles.size(); i++) {
            claims.append(i == 0 ? "" : ",").append('"').append(roles.get(i)).append('"');
        }
        claims.append(']');
        if (region != null) {
            claims.append(",\"region\":\"").append(region).append('"');
        }
        if (extra != null && !extra.isBlank()) {
            claims.append(',').append(extra);
        }
        return claims.append('}').toString();
    }

    private static String sign(PrivateKey key, String kid, String claims) {
        String header = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638 thumbprint: the key id operator-service derives for the same key. */
    private static String thumbprint(RSAPublicKey pub) {
        String canonical = "{\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64(unsigned(pub.getModulus())) + "\"}";
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return bytes;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
