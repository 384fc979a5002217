package ru.rosobr.assistant.operator.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The keys of the token issuer. The signing key (RSA, PKCS#8 PEM: the text itself or a file path,
 * {@code ASSISTANT_JWT_SIGNING_KEY}) never leaves this service; its public half is published with the extra keys
 * ({@code ASSISTANT_JWT_EXTRA_KEYS}: PEM public or private keys, text or comma-separated paths) — the next key before
 * a rotation switches to it, the previous one until the tokens it signed have expired. A key's id ({@code kid}) is
 * its RFC 7638 thumbprint, so the same key always has the same id on every replica without configuring one.
 */
public final class SigningKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final RSAKey signing;
    private final JWKSet published;

    private SigningKeys(RSAKey signing, List<RSAKey> extra) {
        this.signing = signing;
        Map<String, JWK> keys = new LinkedHashMap<>();
        keys.put(signing.getKeyID(), signing.toPublicJWK());
        for (RSAKey k : extra) {
            keys.putIfAbsent(k.getKeyID(), k.toPublicJWK());
        }
        this.published = new JWKSet(new ArrayList<>(keys.values()));
    }

    /** Loads the keys; fails with an explanation when the signing key is missing or unreadable. */
    public static SigningKeys load(String signingKey, String extraKeys) {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalStateException("ASSISTANT_JWT_SIGNING_KEY must be set: the RSA private key (PKCS#8 PEM, "
                    + "the text or a file path) operator-service signs access tokens with; "
                    + "e.g. openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-signing.pem");
        }
        List<RSAKey> signing = keys(signingKey);
        if (signing.size() != 1 || !signing.getFirst().isPrivate()) {
            throw new IllegalStateException("ASSISTANT_JWT_SIGNING_KEY must hold exactly one RSA private key");
        }
        List<RSAKey> extra = extraKeys == null || extraKeys.isBlank() ? List.of() : keys(extraKeys);
        return new SigningKeys(signing.getFirst(), extra);
    }

    /** The private signing key, with its id. */
    public RSAKey signing() {
        return signing;
    }

    /** Public keys only: what {@code /.well-known/jwks.json} serves and what this service verifies with. */
    public JWKSet published() {
        return published;
    }

    private static List<RSAKey> keys(String value) {
        String text = value.strip();
        List<String> pems = new ArrayList<>();
        if (text.contains("-----BEGIN")) {
            pems.add(text);
        } else {
            for (String path : text.split(",")) {
                if (!path.isBlank()) {
                    try {
                        pems.add(Files.readString(Path.of(path.strip())));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read key file " + path.strip(), e);
                    }
                }
            }
        }
        List<RSAKey> keys = new ArrayList<>();
        for (String pem : pems) {
            Matcher m = PEM.matcher(pem);
            while (m.find()) {
                keys.add(key(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no PEM key found in the JWT key setting");
        }
        return keys;
    }

    private static RSAKey key(String type, byte[] der) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder builder;
            switch (type) {
                case "PRIVATE KEY" -> {
                    RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                    RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(
                            new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
                    builder = new RSAKey.Builder(pub).privateKey(priv);
                }
                case "PUBLIC KEY" -> builder = new RSAKey.Builder(
                        (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der)));
                default -> throw new IllegalStateException("unsupported PEM block «" + type
                        + "»: use PKCS#8 (BEGIN PRIVATE KEY) or X.509 (BEGIN PUBLIC KEY)");
            }
            if (((RSAPublicKey) builder.build().toPublicKey()).getModulus().bitLength() < 2048) {
                throw new IllegalStateException("RSA keys for tokens must have at least 2048 bits");
            }
            RSAKey plain = builder.build();
            return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(plain.computeThumbprint().toString()).build();
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new IllegalStateException("unreadable RSA key in the JWT key setting", e);
        }
    }
}
